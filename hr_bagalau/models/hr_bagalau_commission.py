from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..engine.commission import check_commission_size
from ..engine.errors import EngineError

# Fields of an order that make the composition: an order is a dated act of
# the authorised person and is never rewritten; a change is a new order
# (seed 003 §31 "путем внесения изменения в приказ о создании Комиссии").
ORDER_COMPOSITION_FIELDS = frozenset({"commission_id", "date", "number", "chair_id", "member_ids", "secretary_id"})


class HrBagalauCommission(models.Model):
    """The evaluation commission of the 2018 generation (seed 003 §5, seed 001 §5).

    Named by the authorised person, with HR as its working body; at least 5
    voting members (the chair included, the secretary not: seed 003 §34).
    Its composition is the one of its latest order: every change is a new
    dated order, so the history stays (seed 003 §31).
    """

    _name = "hr.bagalau.commission"
    _description = "Evaluation Commission"
    _inherit = ["mail.thread", "hr.bagalau.integrity.mixin"]
    _order = "id desc"

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    methodology_id = fields.Many2one(
        "hr.bagalau.methodology", required=True, string="Methodology",
        default=lambda self: self.env.ref("hr_bagalau.methodology_typical_2018", raise_if_not_found=False),
        help="Gives the least number of members, the notice and the appeal deadlines.")
    authorised_id = fields.Many2one(
        "hr.employee", string="Authorised Person", tracking=True,
        default=lambda self: self.env.company.bagalau_authorised_id,
        help="Names the commission and approves its protocols (paragraphs 5 and 39 of the methodology).")
    order_ids = fields.One2many("hr.bagalau.commission.order", "commission_id", string="Orders")
    current_order_id = fields.Many2one("hr.bagalau.commission.order", compute="_compute_current_order",
                                       string="Order in Force")
    chair_id = fields.Many2one("hr.employee", compute="_compute_current_order", string="Chair")
    secretary_id = fields.Many2one("hr.employee", compute="_compute_current_order", string="Secretary")
    member_ids = fields.Many2many("hr.employee", compute="_compute_current_order", string="Members")
    voting_count = fields.Integer(compute="_compute_current_order", string="Voting Members")
    session_ids = fields.One2many("hr.bagalau.commission.session", "commission_id", string="Sessions")
    active = fields.Boolean(default=True)

    @api.depends("order_ids.date", "order_ids.chair_id", "order_ids.member_ids", "order_ids.secretary_id")
    def _compute_current_order(self):
        for commission in self:
            order = commission._bagalau_order_at()
            commission.current_order_id = order
            commission.chair_id = order.chair_id
            commission.secretary_id = order.secretary_id
            commission.member_ids = order.member_ids
            commission.voting_count = len(order._bagalau_voting())

    def _bagalau_order_at(self, date=None):
        """The order in force on ``date`` (the latest one when not told)."""
        self.ensure_one()
        orders = self.order_ids.sorted(lambda order: (order.date, order.id), reverse=True)
        if date:
            orders = orders.filtered(lambda order: order.date <= date)
        return orders[:1]

    def _bagalau_check_authorised(self):
        """The authorised person names the commission (seed 003 §5); HR, its
        working body, records the order he signed on paper."""
        user = self.env.user
        if self.env.su or user.has_group("hr_bagalau.group_bagalau_hr_officer"):
            return
        for commission in self:
            authorised = commission.authorised_id or commission.company_id.bagalau_authorised_id
            if not user.has_group("hr_bagalau.group_bagalau_authorised") or authorised.user_id != user:
                raise AccessError(_("Only the authorised person %(person)s names the commission “%(commission)s”.",
                                    person=authorised.name or _("(not set)"), commission=commission.name))


class HrBagalauCommissionOrder(models.Model):
    """An order of the authorised person on the commission's composition: a
    snapshot of chair, members and secretary at its date (seed 003 §5, §31, §34)."""

    _name = "hr.bagalau.commission.order"
    _description = "Commission Membership Order"
    _inherit = ["hr.bagalau.integrity.mixin"]
    _order = "date desc, id desc"
    _rec_name = "number"

    commission_id = fields.Many2one("hr.bagalau.commission", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="commission_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    number = fields.Char(string="Order Number", required=True)
    chair_id = fields.Many2one("hr.employee", string="Chair", required=True, ondelete="restrict")
    member_ids = fields.Many2many(
        "hr.employee", "hr_bagalau_commission_order_member_rel", "order_id", "employee_id", string="Members",
        help="The voting members besides the chair.")
    secretary_id = fields.Many2one(
        "hr.employee", string="Secretary", required=True, ondelete="restrict",
        help="An HR officer; does not vote and does not count in the size or the quorum "
        "(paragraph 34 of the methodology).")
    voting_count = fields.Integer(compute="_compute_voting_count", string="Voting Members")
    note = fields.Text()

    @api.depends("chair_id", "member_ids")
    def _compute_voting_count(self):
        for order in self:
            order.voting_count = len(order._bagalau_voting())

    def _bagalau_voting(self):
        """The voting members: the chair and the members, never the secretary."""
        return (self.chair_id | self.member_ids) - self.secretary_id

    def _bagalau_check(self):
        for order in self:
            if order.secretary_id in (order.chair_id | order.member_ids):
                raise UserError(_("The secretary %(secretary)s does not vote: he cannot be the chair or a "
                                  "member as well (%(methodology)s, paragraph 34).", secretary=order.secretary_id.name,
                                  methodology=order.commission_id.sudo().methodology_id.display_name))
            minimum = order.commission_id.methodology_id.commission_min_members
            try:
                check_commission_size(len(order._bagalau_voting()), minimum)
            except EngineError as error:
                raise UserError(_("The commission “%(commission)s” needs at least %(minimum)s members besides "
                                  "the secretary, the chair included; order %(number)s names %(count)s "
                                  "(%(methodology)s, paragraph 5).", commission=order.commission_id.name,
                                  minimum=minimum,
                                  methodology=order.commission_id.sudo().methodology_id.display_name,
                                  number=order.number, count=len(order._bagalau_voting()))) from error

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders.commission_id._bagalau_check_authorised()
        orders._bagalau_check()
        for order in orders:
            order.commission_id.message_post(body=_(
                "Order %(number)s of %(date)s: chair %(chair)s, members %(members)s, secretary %(secretary)s.",
                number=order.number, date=order.date, chair=order.chair_id.name,
                members=", ".join(order.member_ids.mapped("name")), secretary=order.secretary_id.name))
        return orders

    def write(self, vals):
        # Only the module loader (superuser) rewrites an order, from its data file.
        if ORDER_COMPOSITION_FIELDS & set(vals) and not self.env.su:
            raise UserError(_("An order of the commission is never rewritten: issue a new order to change "
                              "its composition (%(methodology)s, paragraph 31).",
                              methodology=self[:1].commission_id.sudo().methodology_id.display_name))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sat_under(self):
        if self.commission_id.session_ids.filtered(lambda session: session.order_id & self):
            raise UserError(_("A commission order that a session sat under is kept."))
