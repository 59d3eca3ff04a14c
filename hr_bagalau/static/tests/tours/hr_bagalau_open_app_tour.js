/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// The administrator finds the «Бағалау» app and opens a typical methodology.
registry.category("web_tour.tours").add("hr_bagalau_open_app_tour", {
    url: "/web",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Evaluation app",
            trigger: ".o_app[data-menu-xmlid='hr_bagalau.menu_bagalau_root']",
            run: "click",
        },
        {
            content: "Open the configuration",
            trigger: ".o_main_navbar button[data-menu-xmlid='hr_bagalau.menu_bagalau_configuration']",
            run: "click",
        },
        {
            content: "Open the methodologies",
            trigger: ".dropdown-item[data-menu-xmlid='hr_bagalau.menu_bagalau_methodology']",
            run: "click",
        },
        {
            content: "Open the typical 2023 methodology",
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Typical 2023')",
            run: "click",
        },
        {
            content: "The preset explains how to adapt it",
            trigger: ".o_form_view .alert-info",
        },
        {
            content: "Its differentiation scores run from 0 to 5 (seed 004 §32)",
            trigger: ".o_form_view .o_notebook a:contains('Parameters')",
            run: "click",
        },
        {
            trigger: ".o_form_view div[name='differentiation_max_score']:contains('5')",
        },
    ],
});
