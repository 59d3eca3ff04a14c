import base64
import io

import xlsxwriter

from odoo import api, models

from .hr_bagalau_xlsx_labels import label
from .hr_bagalau_xlsx_protocol import methodology_name

# Earlier years of the demo agency, as its former system kept them: the
# 2018 grades (seed 003 §18) of the two years before the closed one (0: the
# earlier, 1: the later), and a row the import refuses.
DEMO_HISTORY = (
    ("tokhtarova_aigerim", "E-4", 0, "effective"),
    ("tokhtarova_aigerim", "E-4", 1, "excellent"),
    ("omarov_daniyar", "E-4", 1, "effective"),
    ("sultanova_aliya", "E-5", 1, "satisfactory"),
)


class HrBagalauXlsxDemo(models.AbstractModel):
    """The demo agency's Excel documents, made by walking the real wizards as
    the demo HR officer: the protocol of its closed year exported, and the
    results of the two years before imported from its former workbook."""

    _name = "hr.bagalau.xlsx.demo"
    _description = "Excel Demo Data"

    @api.model
    def _load_demo(self):
        ref = self.env.ref
        company = ref("hr_bagalau.demo_company_agency")
        hr_user = ref("hr_bagalau.user_bagalau_hr")
        env = self.env["hr.bagalau.demo"]._by(self, hr_user).with_company(company).env
        self._import_history(env)
        session = env["hr.bagalau.commission.session"].search(
            [("company_id", "=", company.id), ("state", "=", "approved")], limit=1)
        if session:
            wizard = env["hr.bagalau.xlsx.export.wizard"].create({
                "report": "protocol", "res_ids": str(session.id), "lang": "kk"})
            wizard.action_export()

    @api.model
    def _import_history(self, env):
        methodology = self.env.ref("hr_bagalau.methodology_typical_2018")
        name = methodology_name(methodology, "ru")
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet()
        for column, key in enumerate(("employee", "category", "year", "methodology", "band")):
            sheet.write(2, column, label(key, "ru"))
        years = self.env["hr.bagalau.demo"]._timeline().history_years
        rows = [(self.env.ref(f"hr_bagalau.employee_{slug}").name, category, years[which], name,
                 methodology._bagalau_band(key).label_ru) for slug, category, which, key in DEMO_HISTORY]
        rows.append(("Сейтқали Нұржан", "E-4", years[1], name, methodology._bagalau_band("effective").label_ru))
        for number, row in enumerate(rows, start=3):
            sheet.write_row(number, 0, row)
        book.close()
        wizard = env["hr.bagalau.xlsx.import.wizard"].create({
            "file": base64.b64encode(output.getvalue()), "filename": f"results_{years[0]}_{years[1]}.xlsx"})
        wizard.action_preview()
        wizard.action_confirm()
