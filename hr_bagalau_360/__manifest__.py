{
    "name": "Bagalau: 360 Survey",
    "summary": "Anonymous 360 evaluation of corps B civil servants on Odoo's surveys",
    "version": "18.0.1.0.0",
    "category": "Human Resources/Appraisals",
    "author": "Bagalau",
    "website": "https://bagalau.kz",
    "license": "LGPL-3",
    "depends": ["hr_bagalau", "survey"],
    "data": [
        "security/hr_bagalau_360_security.xml",
        "views/survey_survey_views.xml",
    ],
    "installable": True,
}
