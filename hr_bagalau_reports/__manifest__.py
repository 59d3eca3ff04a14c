{
    "name": "Bagalau: Forms and Reports",
    "summary": "Printed evaluation forms, Excel protocols and analysis of corps B evaluations",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "author": "Bagalau",
    "website": "https://bagalau.kz",
    "license": "LGPL-3",
    "depends": ["hr_bagalau", "hr_bagalau_360"],
    "external_dependencies": {"python": ["xlsxwriter", "openpyxl"]},
    "data": [
        "security/ir.model.access.csv",
        "views/hr_bagalau_reports_menus.xml",
        "wizards/hr_bagalau_xlsx_export_wizard_views.xml",
        "wizards/hr_bagalau_xlsx_import_wizard_views.xml",
        "views/hr_bagalau_xlsx_buttons.xml",
        "views/hr_bagalau_analysis_views.xml",
    ],
    "demo": [
        "demo/hr_bagalau_xlsx_demo.xml",
    ],
    "installable": True,
}
