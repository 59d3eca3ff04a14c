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
        "security/ir.model.access.csv",
        "data/survey_360_data.xml",
        "data/mail_template_data.xml",
        "data/hr_bagalau_360_cron.xml",
        "views/survey_survey_views.xml",
        "views/hr_bagalau_survey360_views.xml",
        "views/hr_bagalau_campaign_views.xml",
        "views/hr_bagalau_methodology_views.xml",
        "views/hr_bagalau_survey360_feedback_wizard_views.xml",
    ],
    "demo": [
        "demo/hr_bagalau_360_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "hr_bagalau_360/static/src/radar/*",
        ],
        "web.assets_tests": [
            "hr_bagalau_360/static/tests/tours/*",
        ],
    },
    "installable": True,
}
