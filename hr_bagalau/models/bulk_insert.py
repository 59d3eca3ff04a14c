"""Rows the ORM would store, inserted with one statement.

A campaign of 10,000 servants makes 350,000 competency lines and indicators
(seed 003 Appendices 3-4); publishing the 360 of 1,000 people makes 8,000
result lines (seed 004 Appendices 7-8). Through ``create`` each row costs
the ORM's defaults, computes and cache, one by one. The callers compute
the values themselves — the same the ORM would store — and insert them
with one ``INSERT … SELECT FROM unnest`` per table; they fall back on
``create`` as soon as the table holds a stored column they do not fill (an
addon added one), so that nothing is left without its default or compute.
Superuser code only: the callers check who acts and what may change.
"""

from odoo.tools import SQL

# Filled here as the ORM fills them.
LOG_COLUMNS = frozenset({"id", "create_uid", "create_date", "write_uid", "write_date"})


def bulk_insertable(model, columns):
    """Whether ``columns`` are all the stored columns of ``model`` but its log ones."""
    stored = {name for name, field in model._fields.items() if field.store and field.column_type}
    return stored - LOG_COLUMNS == set(columns)


def bulk_insert(model, columns, returning=()):
    """Insert the rows ``columns`` — ``{column: [value per row]}``, every
    list as long — into ``model``'s table, with the create and write user
    and date of the ORM, and return the rows of ``returning`` columns. The
    model's cache is invalidated: what reads the rows next reads them from
    the table."""
    env = model.env
    names = list(columns)
    if not names or not columns[names[0]]:
        return []
    uid, now = env.uid, env.cr.now()
    query = SQL(
        "INSERT INTO %s (%s, create_uid, create_date, write_uid, write_date) SELECT *, %s, %s, %s, %s FROM unnest(%s)",
        SQL.identifier(model._table), SQL(", ").join(SQL.identifier(name) for name in names),
        uid, now, uid, now,
        SQL(", ").join(SQL("%s::%s[]", columns[name], SQL(model._fields[name].column_type[1])) for name in names))
    if returning:
        query = SQL("%s RETURNING %s", query, SQL(", ").join(SQL.identifier(name) for name in returning))
    env.cr.execute(query)
    rows = env.cr.fetchall() if returning else []
    model.invalidate_model()
    return rows
