{
    "name": "Bagalau: Corps B Performance Evaluation",
    "summary": "Evaluation of Kazakhstan's corps B civil servants: methodologies, "
    "campaigns, KPI, competencies, commission",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "author": "Bagalau",
    "website": "https://bagalau.kz",
    "license": "LGPL-3",
    "depends": ["hr", "mail", "resource"],
    "external_dependencies": {"python": ["holidays", "num2words"]},
    "data": [
        "security/hr_bagalau_security.xml",
        "security/ir.model.access.csv",
        "data/res_lang_data.xml",
        "data/hr_bagalau_position_category_data.xml",
        "data/hr_bagalau_methodology_data.xml",
        "views/hr_bagalau_menus.xml",
        "views/hr_bagalau_position_category_views.xml",
        "views/hr_bagalau_methodology_views.xml",
        "views/hr_employee_views.xml",
    ],
    "demo": [
        "demo/bagalau_demo_company.xml",
        "demo/bagalau_demo_employees.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "hr_bagalau/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
