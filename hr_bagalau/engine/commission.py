"""Evaluation commission of the 2018 generation.

Seed 003 §5 (seed 001 §5 kk): at least 5 members, named by the authorised
person. §30: a meeting is valid when at least two thirds of the commission
are present. §32-33: open vote; the majority of the members' votes decides,
and on a tie the chair's vote decides. §34: the secretary (from HR) does not
vote. The secretary is therefore counted neither in the commission's size
nor in its quorum: callers pass voting members only.
"""

from fractions import Fraction

from .errors import EngineError
from .values import to_count

#: Seed 003 §5 "не менее 5 человек".
COMMISSION_MIN_MEMBERS = 5
#: Seed 003 §30 "не менее двух третей ее состава".
QUORUM = Fraction(2, 3)


def _chair_for(chair_vote):
    """True for a vote for, False against (True / 'for', False / 'against')."""
    if isinstance(chair_vote, bool):
        return chair_vote
    if isinstance(chair_vote, str) and chair_vote in ("for", "against"):
        return chair_vote == "for"
    raise EngineError("chair_vote_invalid", value=repr(chair_vote))


def check_commission_size(member_count, minimum=COMMISSION_MIN_MEMBERS):
    """Raise 'commission_too_small' when the commission has fewer than ``minimum`` members.

    Seed 003 §5. Count the chair and the members, not the secretary (§34).
    Returns the count.
    """
    count = to_count(member_count, "member_count")
    if count < minimum:
        raise EngineError("commission_too_small", count=count, minimum=minimum)
    return count


def has_quorum(present_voting, total_voting, quorum=QUORUM):
    """True when ``present_voting / total_voting >= quorum`` (2/3), compared exactly.

    Seed 003 §30: "не менее двух третей ее состава": 4 of 6 present is
    exactly two thirds and is a quorum, 3 of 6 is not; 4 of 5 is, 3 of 5
    (0.6) is not. Voting members only (§34).
    """
    present = to_count(present_voting, "present_voting")
    total = to_count(total_voting, "total_voting")
    try:
        quorum = Fraction(str(quorum) if isinstance(quorum, float) else quorum)
    except (TypeError, ValueError, ZeroDivisionError):
        raise EngineError("quorum_invalid", quorum=repr(quorum)) from None
    if not 0 < quorum <= 1:
        raise EngineError("quorum_invalid", quorum=str(quorum))
    if total == 0:
        raise EngineError("commission_empty")
    if present > total:
        raise EngineError("present_exceeds_total", present=present, total=total)
    return Fraction(present, total) >= quorum


def vote_result(votes_for, votes_against, chair_vote=None):
    """'approved' or 'rejected' by majority; on a tie the chair's vote decides.

    Seed 003 §33. ``chair_vote`` is 'for' / True or 'against' / False; it is
    needed only on a tie ('tie_needs_chair_vote' otherwise) and ignored when
    the count is not tied (the chair's vote is then already one of the
    counted votes). Abstentions are not counted.
    """
    yes = to_count(votes_for, "votes_for")
    no = to_count(votes_against, "votes_against")
    chair_for = None if chair_vote is None else _chair_for(chair_vote)
    if yes + no == 0:
        raise EngineError("no_votes")
    if yes != no:
        return "approved" if yes > no else "rejected"
    # seed 003 §33: "При равенстве голосов голос председателя Комиссии является решающим"
    if chair_for is None:
        raise EngineError("tie_needs_chair_vote", votes=yes)
    return "approved" if chair_for else "rejected"
