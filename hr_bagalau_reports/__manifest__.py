{
    "name": "Bagalau: Forms and Reports",
    "summary": "Printed evaluation forms, Excel protocols and analysis of corps B evaluations",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "author": "Bagalau",
    "website": "https://bagalau.kz",
    "license": "LGPL-3",
    "depends": ["hr_bagalau", "hr_bagalau_360"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "views/hr_bagalau_reports_menus.xml",
    ],
    "installable": True,
}
