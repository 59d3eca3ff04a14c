/** @odoo-module **/

import { registry } from "@web/core/registry";

// Odoo's own chrome in English: a Kazakh or Russian user must read none of it
// (test_core_kazakh.py lists the same terms for the server side). The tours
// speak no language of their own: they run in the language of the user who
// takes them (kk_KZ or ru_RU, set by the test), and find their way by markup.
const ENGLISH = new RegExp(
    "\\b(Send message|Log note|Activities|Activity|Mark Done|Mark as Done|Mark all read|Unstar all|" +
        "Confirmation|Ok|Cancel|Confirm|Save|Discard|New|Search|Filters|Group By|Favorites|Followers|" +
        "Follow|Following|Inbox|Starred|History|Channels|Direct messages|Start a conversation|Schedule|" +
        "Done|Close|Edit|Delete|Archive|Actions|Print|Export|Today|Yesterday|Tomorrow|Overdue|Planned|" +
        "Send|Log|Reply|Summary|Due Date|Assigned to|Congratulations|Your inbox is empty)\\b"
);

function noEnglish(where) {
    return {
        content: `No English chrome in ${where}`,
        trigger: "body",
        run() {
            const scope = document.querySelector(".modal:last-of-type .modal-content") || document.body;
            // What people and the app wrote (message bodies) is data, not chrome.
            let text = scope.innerText;
            for (const body of scope.querySelectorAll(".o-mail-Message-body")) {
                text = text.replace(body.innerText, "");
            }
            const found = text.match(ENGLISH);
            if (found) {
                const at = text.indexOf(found[0]);
                const context = text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, " ");
                throw new Error(`English in ${where}: "${found[0]}" … ${context} …`);
            }
        },
    };
}

// The Discuss home: the mailboxes and the channels.
registry.category("web_tour.tours").add("hr_bagalau_chrome_discuss_tour", {
    steps: () => [
        { content: "The Discuss home is shown", trigger: ".o-mail-Discuss .o-mail-DiscussSidebar" },
        { trigger: ".o-mail-Discuss-threadName, .o-mail-Discuss-header" },
        noEnglish("the Discuss home"),
        {
            content: "Open the activities of the systray",
            trigger: ".o_menu_systray .o-mail-ActivityMenu-counter, .o_menu_systray i.fa-clock-o",
            run: "click",
        },
        { trigger: ".o-mail-ActivityMenu" },
        noEnglish("the activity menu"),
    ],
});

// A sheet: the form, its chatter and the activity dialog.
registry.category("web_tour.tours").add("hr_bagalau_chrome_sheet_tour", {
    steps: () => [
        { content: "The sheet and its chatter", trigger: ".o_form_view .o-mail-Chatter .o-mail-Chatter-topbar" },
        { trigger: ".o-mail-Chatter .o-mail-Thread" },
        noEnglish("the sheet and its chatter"),
        {
            content: "Open the activity dialog",
            trigger: ".o-mail-Chatter-activity",
            run: "click",
        },
        { content: "The activity dialog", trigger: ".modal .o_form_view div[name='summary']" },
        noEnglish("the activity dialog"),
        { content: "Close it", trigger: ".modal-footer button[special='cancel']", run: "click" },
        { trigger: "body:not(:has(.modal))" },
    ],
});

// A note on a sheet, then the confirmation of its deletion, which is refused.
registry.category("web_tour.tours").add("hr_bagalau_chrome_confirm_tour", {
    steps: () => [
        { trigger: ".o_form_view .o-mail-Chatter .o-mail-Chatter-logNote", run: "click" },
        { trigger: ".o-mail-Composer-input", run: "edit Тексеру жазбасы" },
        noEnglish("the composer"),
        { trigger: ".o-mail-Composer-send:enabled", run: "click" },
        { trigger: ".o-mail-Message:contains('Тексеру жазбасы')", run: "hover" },
        {
            content: "Open the message's actions",
            trigger: ".o-mail-Message:contains('Тексеру жазбасы') .o-mail-Message-actions .o-dropdown",
            run: "click",
        },
        { content: "Delete", trigger: ".o-mail-Message-moreMenu .dropdown-item:has(.fa-trash)", run: "click" },
        { content: "The confirmation dialog", trigger: ".modal .modal-footer button.btn-primary" },
        noEnglish("the confirmation dialog"),
        { content: "Refuse", trigger: ".modal .modal-footer button.btn-secondary", run: "click" },
        { trigger: "body:not(:has(.modal)) .o-mail-Message:contains('Тексеру жазбасы')" },
    ],
});
