"""Odoo's own words that its 18.0 Bulgarian catalogue leaves in English or gets wrong, in Bulgarian.

    python3 scripts/odoo_terms_bg.py [ODOO_ADDONS_DIR]   # default /opt/odoo-18.0/odoo/addons

writes addons/acct_firm_crm/i18n_extra/bg.po: for each term of TERMS that one of Odoo's
modules (MODULES) leaves empty in its i18n/bg.po, writes in Latin letters (an English copy
such as "Load more", a transliteration such as "Tyrsene") or words wrongly (WRONG), the
module's entry (its references and flags) with our Bulgarian.

How Odoo applies it (acct_firm_crm/models/ir_module_module.py and ir_http.py):
- Odoo reads ``i18n_extra/<lang>.po`` beside ``i18n/`` (odoo/tools/translate.py
  get_po_paths); scripts/i18n_bg.py --merge/--check and the .pot concern ``i18n/`` only:
  these terms are not the addon's, they would otherwise be dropped as obsolete;
- a view's, field's or record's term (``#: model:`` / ``model_terms:`` reference) names its
  record's xmlid: every time Odoo loads terms (install, upgrade, activation of a language),
  the module writes them over the record's translation, Odoo's wrong one included;
- a JavaScript term (``#. odoo-javascript``) replaces Odoo's word in the web client's
  dictionary of every module that has it, and fills it where Odoo's is empty;
- a Python term (``#. odoo-python``, ``_()`` in Odoo's code) completes the code catalogue
  of the module whose code has it.
"""

import re
import sys
from pathlib import Path

import polib

MODULES = (
    "base",
    "web",
    "mail",
    "portal",
    "project",
    "hr_timesheet",
    "rating",
    "account",
    "account_edi_ubl_cii",
    "analytic",
    "portal_rating",
)
TARGET = Path(__file__).resolve().parent.parent / "addons/acct_firm_crm/i18n_extra/bg.po"
HEADER = {
    "Project-Id-Version": "Odoo Server 18.0",
    "Language": "bg",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}

# {English as Odoo writes it: Bulgarian as Odoo's Bulgarian UI words it}; one term a line,
# however long, so that a term is found with grep.
# ruff: noqa: E501
TERMS = {
    # mail: chatter, composer, activities, followers, attachments
    "%(recipientCount)s more": "още %(recipientCount)s",
    "%s messages found": "Намерени съобщения: %s",
    "%s new messages": "Нови съобщения: %s",
    'Do you really want to delete "%s"?': "Наистина ли искате да изтриете „%s“?",
    'Message posted on "%s"': "Съобщение, публикувано в „%s“",
    "Search: %s": "Търсене: %s",
    "Seen by %(user)s": "Видяно от %(user)s",
    "Seen by %(user1)s and %(user2)s": "Видяно от %(user1)s и %(user2)s",
    "Seen by %(user1)s, %(user2)s and %(user3)s": "Видяно от %(user1)s, %(user2)s и %(user3)s",
    "Today at %(time)s": "Днес в %(time)s",
    "Yesterday at %(time)s": "Вчера в %(time)s",
    'You are no longer following "%(thread_name)s".': "Вече не следите „%(thread_name)s“.",
    "or press %(send_keybind)s": "или натиснете %(send_keybind)s",
    "Back to “%s”": "Назад към „%s“",
    "Back to “%s” form": "Назад към формуляра „%s“",
    "Edit: %s": "Редактиране: %s",
    "(edited)": "(редактирано)",
    "1 new message": "1 ново съобщение",
    "Add Reaction": "Добавете реакция",
    "Add a Reaction": "Добавете реакция",
    "Add followers to this document": "Добавете последователи към този документ",
    "All Messages": "Всички съобщения",
    "An error occurred when sending an email": "Възникна грешка при изпращане на имейл",
    "An error occurred while fetching messages.": "Възникна грешка при зареждане на съобщенията.",
    "Are you sure you want to cancel the scheduled message?": "Сигурни ли сте, че искате да отмените планираното съобщение?",
    "Are you sure you want to delete this message?": "Сигурни ли сте, че искате да изтриете това съобщение?",
    "Assign to ...": "Възложете на ...",
    "Assign to me": "Възложете на мен",
    "Cancel Message": "Отменете съобщението",
    "Congratulations, you're done with your activities.": "Поздравления, приключихте с дейностите си.",
    "Congratulations, your inbox is empty!": "Поздравления, входящата ви кутия е празна!",
    "Deleted document": "Изтрит документ",
    "Delivery failure": "Неуспешна доставка",
    "Dismiss": "Скрийте",
    "Done & Schedule Next": "Извършено и планиране на следваща",
    "Done and Schedule Next": "Извършено и планиране на следваща",
    "Download Files": "Изтеглете файловете",
    "Drop Files here": "Пуснете файловете тук",
    "Due in": "Срок след",
    "Due on": "Срок на",
    "Emojis": "Емотикони",
    "Expand": "Разгънете",
    "Failed to post the message. Click to retry": "Съобщението не беше публикувано. Щракнете, за да опитате отново",
    "Jump to Present": "Към най-новите",
    "Link copied!": "Връзката е копирана!",
    "List Activity": "Списък с дейности",
    "Load More": "Заредете още",
    "Log Later": "Запишете по-късно",
    "Log an internal note…": "Запишете вътрешна бележка…",
    "Log note": "Запишете бележка",
    "Mark Done": "Маркирайте като извършено",
    "Mark as Unread": "Маркирайте като непрочетено",
    "Mentions": "Споменавания",
    "Message Link Copied!": "Връзката към съобщението е копирана!",
    "Messages marked as read will appear in the history.": "Съобщенията, маркирани като прочетени, ще се появят в историята.",
    "New Message": "Ново съобщение",
    "Next Monday Morning": "Следващия понеделник сутринта",
    "No Followers": "Няма последователи",
    "No conversation yet...": "Все още няма разговор...",
    "No history messages": "Няма съобщения в историята",
    "No messages found": "Не са намерени съобщения",
    "No recipient": "Няма получател",
    "No starred messages": "Няма съобщения със звездичка",
    "No user found": "Не е намерен потребител",
    "No users found": "Не са намерени потребители",
    "Nothing": "Нищо",
    "Notification Settings": "Настройки на известията",
    "Open Actions Menu": "Отворете менюто с действия",
    "Open Form View": "Отворете формуляра",
    "Open Link": "Отворете връзката",
    "Open card": "Отворете картата",
    "Original message was deleted": "Оригиналното съобщение е изтрито",
    "Pick a specific time": "Изберете точен час",
    "Planned Activities": "Планирани дейности",
    "Please wait while the file is uploading.": "Моля, изчакайте файлът да се качи.",
    "Pop out Attachments": "Отворете прикачените файлове в отделен прозорец",
    "Read Less": "Прочетете по-малко",
    "Replying to": "Отговор на",
    "Revert": "Върнете",
    "Save editing": "Запазете редакцията",
    "Schedule Activity On Selected Records": "Планирайте дейност за избраните записи",
    "Schedule Message": "Планирайте съобщение",
    "Schedule Note": "Планирайте бележка",
    "Schedule activities to help you get things done.": "Планирайте дейности, за да свършите работата навреме.",
    "Schedule activity": "Планирайте дейност",
    "Schedule an activity": "Планирайте дейност",
    "Schedule an activity on selected records": "Планирайте дейност за избраните записи",
    "Scheduled Messages": "Планирани съобщения",
    "Search Message": "Търсете съобщение",
    "Search Messages": "Търсете в съобщенията",
    "Search for a user...": "Търсете потребител...",
    "Seen by everyone": "Видяно от всички",
    "Seen by:": "Видяно от:",
    "Select a user...": "Изберете потребител...",
    "Send Later": "Изпратете по-късно",
    "Send a message to followers…": "Изпратете съобщение до последователите…",
    "Server error": "Грешка на сървъра",
    "Show Followers": "Покажете последователите",
    "Show activities": "Покажете дейностите",
    "Show all recipients": "Покажете всички получатели",
    "Show less": "Покажете по-малко",
    "Show more": "Покажете повече",
    "Showing": "Показани",
    "Start a Conversation": "Започнете разговор",
    "Stop replying": "Спрете отговора",
    "The conversation is empty.": "Разговорът е празен.",
    "The subscription preferences were successfully applied.": "Настройките на абонамента са приложени успешно.",
    "This action will send an email.": "Това действие ще изпрати имейл.",
    "This conversation doesn't have any attachments.": "Този разговор няма прикачени файлове.",
    "This message has already been sent.": "Това съобщение вече е изпратено.",
    "This record has an exception activity.": "Този запис има дейност с изключение.",
    "To :": "До:",
    "Today:": "Днес:",
    "Tomorrow Afternoon": "Утре следобед",
    "Tomorrow Morning": "Утре сутринта",
    "Tomorrow:": "Утре:",
    "Type the name of a person": "Въведете името на човек",
    "Unassign": "Отменете възлагането",
    "Unassign from me": "Отменете възлагането на мен",
    "Unpin": "Откачете",
    "Upload File": "Качете файл",
    "Upload file": "Качете файл",
    "Uploaded": "Качено",
    "User is idle": "Потребителят е неактивен",
    "User is offline": "Потребителят е извън линия",
    "User is online": "Потребителят е на линия",
    "View Profile": "Вижте профила",
    "View Reactions": "Вижте реакциите",
    "View all activities": "Вижте всички дейности",
    "Yesterday:": "Вчера:",
    "You:": "Вие:",
    "Your inbox is empty": "Входящата ви кутия е празна",
    "days overdue:": "дни просрочие:",
    "days:": "дни:",
    "in a few seconds": "след няколко секунди",
    "on:": "на:",
    "results out of": "резултата от",
    "users": "потребители",
    # web: search, list, kanban, form, dialogs, errors
    "(no result)": "(няма резултат)",
    "1 record": "1 запис",
    "A filter with same name already exists.": "Вече съществува филтър със същото име.",
    "A name for your favorite filter is required.": "Необходимо е име за любимия ви филтър.",
    "Add Custom Group": "Добавете групиране",
    "Add a custom filter": "Добавете собствен филтър",
    "Add column": "Добавете колона",
    "Add condition": "Добавете условие",
    "Add end date": "Добавете крайна дата",
    "Add start date": "Добавете начална дата",
    "Add to Favorites": "Добавете към любими",
    "Adjust your filters or create a new record.": "Променете филтрите си или създайте нов запис.",
    "All Apps": "Всички приложения",
    "Archive All": "Архивирайте всички",
    "Are you sure you want to delete these records?": "Сигурни ли сте, че искате да изтриете тези записи?",
    "Assign": "Възложете",
    "CLEAR ALL": "ИЗЧИСТЕТЕ ВСИЧКО",
    "Cancel Upload": "Отменете качването",
    "Clear All": "Изчистете всичко",
    "Connection lost. Trying to reconnect...": "Връзката е прекъсната. Опит за повторно свързване...",
    "Connection restored. You are back online.": "Връзката е възстановена. Отново сте на линия.",
    "Copy Text to Clipboard": "Копирайте текста",
    "Copy URL to Clipboard": "Копирайте адреса",
    "Copy to Clipboard": "Копирайте",
    "Create and edit...": "Създайте и редактирайте...",
    "Delete Filter": "Изтрийте филтъра",
    "Delete item": "Изтрийте елемента",
    "Delete row": "Изтрийте реда",
    "Different currencies cannot be aggregated": "Различни валути не могат да се сумират",
    "Discard all changes": "Отхвърлете всички промени",
    "Do you really want to delete this export template?": "Наистина ли искате да изтриете този шаблон за експорт?",
    "Edit Tags": "Редактирайте маркерите",
    "Export All": "Експортирайте всички",
    "Export Format:": "Формат за експорт:",
    "Hide technical details": "Скрийте техническите подробности",
    "Home Menu": "Начално меню",
    "Insert": "Вмъкнете",
    "Invalid Operation": "Невалидна операция",
    "Label:": "Етикет:",
    "Make this filter available to other users": "Направете филтъра достъпен за другите потребители",
    "Missing Action": "Липсващо действие",
    "Modify Condition": "Променете условието",
    "Modify filter": "Променете филтъра",
    "More Menu": "Още",
    "More...": "Още...",
    "Odoo Client Error": "Грешка в клиента на Odoo",
    "Odoo Network Error": "Мрежова грешка на Odoo",
    "Odoo Server Error": "Грешка в сървъра на Odoo",
    "Odoo Session Expired": "Сесията в Odoo изтече",
    "Odoo Warning": "Предупреждение от Odoo",
    "Oops!": "Опа!",
    "Open in form view": "Отворете във формуляр",
    "Please save your changes first": "Първо запазете промените си",
    "Previous century": "Предишен век",
    "Previous decade": "Предишно десетилетие",
    "Previous month": "Предишен месец",
    "Previous year": "Предишна година",
    "Processing...": "Обработване...",
    "Q1": "Т1",
    "Q2": "Т2",
    "Q3": "Т3",
    "Q4": "Т4",
    "Quick add": "Бързо добавяне",
    "Remove from Favorites": "Премахнете от любими",
    "Request timeout": "Времето за заявката изтече",
    "Save as:": "Запазете като:",
    "Save manually": "Запазете ръчно",
    "Search user...": "Търсете потребител...",
    "Search users...": "Търсете потребители...",
    "See technical details": "Вижте техническите подробности",
    "Select all records matching the search": "Изберете всички записи, отговарящи на търсенето",
    "Select century": "Изберете век",
    "Select decade": "Изберете десетилетие",
    "Select month": "Изберете месец",
    "Select records": "Изберете записи",
    "Select year": "Изберете година",
    "Set a timezone on your user": "Задайте часова зона на потребителя си",
    "Set priority...": "Задайте приоритет...",
    "Shared filters": "Споделени филтри",
    "Show matching records": "Покажете съответстващите записи",
    "Stay Here": "Останете тук",
    "Switch Company": "Сменете фирмата",
    "There was a problem while uploading your file.": "Възникна проблем при качването на файла.",
    "This filter is global and will be removed for everyone.": "Този филтър е общ и ще бъде премахнат за всички.",
    "Toggle Search Panel": "Покажете/скрийте панела за търсене",
    "Toggle menu": "Покажете/скрийте менюто",
    "Unable to save. Correct the issue or discard all changes": "Записът не може да се запази. Поправете проблема или отхвърлете всички промени",
    "Unarchive All": "Разархивирайте всички",
    "Unfold": "Разгънете",
    "Unsaved changes": "Незапазени промени",
    "Unselect All": "Отменете избора на всички",
    "Update to:": "Променете на:",
    "Uploading error": "Грешка при качване",
    "Use this filter by default when opening this view": "Използвайте този филтър по подразбиране при отваряне на изгледа",
    "Values set here are company-specific.": "Зададените тук стойности са за конкретната фирма.",
    "all records": "всички записи",
    "records?": "записа?",
    "selected": "избрани",
    "selected records,": "избрани записа,",
    # base and account: the partner form
    "e.g. Lumber Inc": "напр. Дървесина ООД",
    'e.g. "B2B", "VIP", "Consulting", ...': "напр. „B2B“, „VIP“, „Консултации“, ...",
    "eInvoice format": "Формат на електронна фактура",
    "Your endpoint": "Вашият адрес за електронни фактури",
    # project (views and JS)
    "Assignees": "Отговорници",
    "All Tasks": "Всички задачи",
    "Add a sub-task": "Добавете подзадача",
    "Add details about this task...": "Добавете подробности за задачата...",
    "Blocked By": "Блокирана от",
    "Blocked Tasks": "Блокирани задачи",
    "Blocking": "Блокира",
    "Collaborator": "Сътрудник",
    "Collaborators": "Сътрудници",
    "Days to Deadline": "Дни до крайния срок",
    "Depending on Tasks": "Зависи от задачи",
    "Hide closed tasks": "Скрийте приключените задачи",
    "Last Updated On": "Последна промяна на",
    "New Project": "Нов проект",
    "New Task": "Нова задача",
    "No Project": "Без проект",
    "Personal Stage": "Личен стадий",
    "Private": "Лична",
    "Private Tasks": "Лични задачи",
    "Project Stages": "Стадии на проекти",
    "Project Tags": "Маркери на проекти",
    "Recurrent tasks": "Повтарящи се задачи",
    "Recurring Tasks": "Повтарящи се задачи",
    "Set Status": "Задайте състояние",
    "Share Project": "Споделете проекта",
    # hr_timesheet
    "Days Remaining": "Оставащи дни",
    "Log time on tasks": "Отчитайте време по задачите",
    "No Task": "Без задача",
    "Overtime": "Извънреден труд",
    "See Timesheets": "Вижте отчетеното време",
    "There are no timesheets.": "Няма отчетено време.",
    "Time Remaining": "Оставащо време",
    "Time Spent on Sub-tasks": "Време по подзадачите",
    "Timesheets Analysis": "Анализ на отчетеното време",
    "Timesheets by Employee": "Отчетено време по служители",
    "Timesheets by Project": "Отчетено време по проекти",
    "Timesheets by Task": "Отчетено време по задачи",
    "Total Time Spent": "Общо изразходвано време",
    "Total Days Spent": "Общо изразходвани дни",
    # rating / account JS
    "comments": "коментари",
    "Feel free to share feedback on your experience:": "Споделете мнението си за обслужването:",
    "No Rating yet": "Все още няма оценка",
    "Rating:": "Оценка:",
    "Satisfied": "Доволен",
    "Submitted on": "Изпратено на",
    "Thank you for rating our services!": "Благодарим ви, че оценихте нашите услуги!",
    "Thank you for your feedback!": "Благодарим ви за обратната връзка!",
    "Journal Entry Info": "Информация за счетоводния запис",
    "Reversed on": "Сторниран на",
    "See all activities": "Вижте всички дейности",
    "Search a product": "Търсете продукт",
    # web, mail: the requests' activity view, empty lists, remaining days
    "In %s days": "След %s дни",
    "Load more": "Заредете още",
    "Powered by %s%s": "Осъществено от %s%s",
    "Search": "Търсене",
    "Try to add some records, or make sure that there is no\n                    active filter in the search bar.": "Добавете записи или проверете дали в полето за търсене няма активен филтър.",
    "To-Do": "За изпълнение",
    "Upload Document": "Качете документ",
    "e.g. https://www.odoo.com": "напр. https://www.firma.bg",
    # project and hr_timesheet settings
    "Auto-generate tasks for regular activities": "Автоматично създаване на задачи за повтарящи се дейности",
    "Determine the order in which to perform tasks": "Определете реда, в който да се изпълняват задачите",
    "Milestones": "Етапи",
    "Task Dependencies": "Зависимости между задачите",
    "Task Logs": "Отчитане на времето по задачи",
    "Tasks Management": "Управление на задачите",
    "Time Management": "Управление на времето",
    "Track major progress points that must be reached to achieve success": "Проследявайте основните етапи, които трябва да се достигнат за успех",
    "Track the progress of your projects": "Проследявайте напредъка на проектите си",
    "Track time spent on projects and tasks": "Отчитайте времето, изразходвано по проекти и задачи",
}

# Selection labels Odoo translates, but that its catalogue applied before they existed: mail's
# activity states of a later module's model (project.task's "Overdue + Today + Planned" in
# the activity view) are created when that module is installed, after mail loaded its terms.
# Odoo's own Bulgarian, repeated for these labels so that it is applied once they exist.
SELECTIONS_CREATED_LATER = ("Overdue", "Today", "Planned")


# {English: Odoo's Bulgarian for it, in Cyrillic but wrong}: replaced like an empty one.
WRONG = {}
CYRILLIC = re.compile("[\u0400-\u04ff]")


def needs_ours(entry):
    """Whether Odoo's Bulgarian of ``entry`` is missing, in Latin letters or wrong."""
    return (
        not entry.msgstr
        or not CYRILLIC.search(entry.msgstr)
        or WRONG.get(entry.msgid) == entry.msgstr
    )


def catalogue(odoo_addons, module):
    """The entries of the module's Bulgarian catalogue, and those of its template that the
    catalogue lacks (portal_rating's "comments"), untranslated."""
    translated = polib.pofile(str(odoo_addons / module / "i18n" / "bg.po"))
    known = {(entry.msgctxt, entry.msgid) for entry in translated}
    template = polib.pofile(str(odoo_addons / module / "i18n" / f"{module}.pot"))
    return list(translated) + [e for e in template if (e.msgctxt, e.msgid) not in known]


def build(odoo_addons):
    entries = {}
    for module in MODULES:
        for entry in catalogue(odoo_addons, module):
            if entry.obsolete:
                continue
            if entry.msgid in TERMS and needs_ours(entry):
                msgstr, occurrences = TERMS[entry.msgid], entry.occurrences
            elif entry.msgid in SELECTIONS_CREATED_LATER and entry.msgstr:
                msgstr = entry.msgstr
                occurrences = [
                    (ref, line)
                    for ref, line in entry.occurrences
                    if ref.startswith("model:ir.model.fields.selection,name:")
                ]
            else:
                continue
            if not occurrences:
                continue
            key = (entry.msgctxt, entry.msgid)
            if key not in entries:
                entries[key] = polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=entry.msgid,
                    msgstr=msgstr,
                    comment=f"module: {module}",
                    occurrences=[],
                )
            ours = entries[key]
            ours.occurrences += occurrences
            code = any(ref.startswith("code:") for ref, _line in occurrences)
            for flag in ("odoo-javascript", "odoo-python"):
                if code and flag in (entry.comment or "") and flag not in ours.comment:
                    ours.comment += f"\n{flag}"
    po = polib.POFile()
    po.metadata = HEADER
    for key in sorted(entries, key=lambda k: (k[1], k[0] or "")):
        po.append(entries[key])
    return po


def main(argv):
    odoo_addons = Path(argv[0] if argv else "/opt/odoo-18.0/odoo/addons")
    po = build(odoo_addons)
    TARGET.parent.mkdir(exist_ok=True)
    po.save(str(TARGET))
    unused = sorted(set(TERMS) - {e.msgid for e in po})
    print(f"{len(po)} terms written to {TARGET}")
    if unused:
        print("translated in Odoo's catalogue already:", unused)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
