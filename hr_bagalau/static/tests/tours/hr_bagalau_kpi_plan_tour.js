/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// From the home screen to the list of KPI plans waiting for the user.
function openKpiPlans() {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Evaluation app",
            trigger: ".o_app[data-menu-xmlid='hr_bagalau.menu_bagalau_root']",
            run: "click",
        },
        {
            content: "Open the sheets",
            trigger: ".o_main_navbar button[data-menu-xmlid='hr_bagalau.menu_bagalau_sheets']",
            run: "click",
        },
        {
            content: "Open the KPI plans",
            trigger: ".dropdown-item[data-menu-xmlid='hr_bagalau.menu_bagalau_kpi_plan']",
            run: "click",
        },
    ];
}

// The direct manager submits the plan he drafted (seed 003 §10) ...
registry.category("web_tour.tours").add("hr_bagalau_kpi_plan_submit_tour", {
    url: "/web",
    steps: () => [
        ...openKpiPlans(),
        {
            content: "The plan waits for me: open it",
            trigger: ".o_list_view .o_data_row td:contains('Тұрсынова Гүлмира')",
            run: "click",
        },
        {
            content: "Submit it to the superior manager",
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "The plan is submitted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Submitted')",
        },
    ],
});

// ... and the superior manager approves it (seed 003 §11).
registry.category("web_tour.tours").add("hr_bagalau_kpi_plan_approve_tour", {
    url: "/web",
    steps: () => [
        ...openKpiPlans(),
        {
            content: "The submitted plan waits for me: open it",
            trigger: ".o_list_view .o_data_row td:contains('Тұрсынова Гүлмира')",
            run: "click",
        },
        {
            content: "Approve it",
            trigger: ".o_form_view button[name='action_approve']",
            run: "click",
        },
        {
            content: "The plan is approved",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});
