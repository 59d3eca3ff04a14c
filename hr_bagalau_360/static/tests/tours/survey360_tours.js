/** @odoo-module **/

import { registry } from "@web/core/registry";

// Staff form (seed 004 Appendix 6): 8 competencies, 3 questions each.
const STAFF_ROWS = 24;

// An invited respondent answers the 360 questionnaire through survey's own pages.
registry.category("web_tour.tours").add("bagalau_360_answer_tour", {
    steps: () => [
        {
            content: "The questionnaire promises anonymity",
            trigger: ".o_survey_form:contains('Anonymity is guaranteed')",
        },
        {
            content: "Start the questionnaire",
            trigger: "button.btn:contains('Start')",
            run: "click",
        },
        ...Array.from({ length: STAFF_ROWS }, (_value, index) => ({
            content: `Answer question ${index + 1}: shown most of the time`,
            trigger: `.o_survey_question_matrix tr[id]:eq(${index}) td.o_survey_matrix_btn:eq(3)`,
            run: "click",
        })),
        {
            content: "Submit",
            trigger: "button[value='finish']",
            run: "click",
        },
        {
            content: "Thank you",
            trigger: ".o_survey_finished, h1:contains('Thank you')",
        },
    ],
});

// The person opens his published 360 and sees the radar beside the averages.
registry.category("web_tour.tours").add("bagalau_360_radar_tour", {
    steps: () => [
        {
            content: "Open my 360",
            trigger: ".o_list_view .o_data_row td[name='employee_id']",
            run: "click",
        },
        {
            content: "The averages per competency",
            trigger: ".o_field_widget[name='result_ids'] .o_data_row",
        },
        {
            content: "The radar chart is drawn",
            trigger: ".o_field_bagalau_radar canvas",
        },
    ],
});
