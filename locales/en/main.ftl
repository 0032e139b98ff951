## Interface texts (errors, help, confirmations). Step texts are in steps.ftl, the FAQ in faq.ftl.

## Registration and guidance
hint-register = To use the bot in this channel, register the office first, for example: /register number:1370100016 name:"Aoba Care"
register-done = Registered "{ $name }", office number { $number }, { $mode }.
register-updated = Updated the registration of "{ $name }" (office number { $number }).
register-unchanged = "{ $name }" (office number { $number }) is already registered in this channel.
register-bound = Office number { $number } ("{ $name }") is now bound to this channel. Its progress is kept.
register-check-digit = The last digit of the office number (check digit) does not match the calculated { $expected }. A correct number can fail this check, but please check it to be sure. The office was registered anyway.
step-heading = Step { $n }/{ $total }: { $title }
step-ref = step { $n }/{ $total }, { $title }
steps-complete-title = All steps are done
label-what = What to do
label-need = What you need
label-receive = What you receive
label-time = How long it takes
label-missing = If something goes wrong
next-task = Next: { $task }. When it is done, type /done.
next-waiting = Waiting for { $what } since { $since } ({ $days } days).
next-waiting-agent = Waiting for { $what } since { $since } ({ $days } days).
next-pointer = Now: { $step }. Type /next to see it.
next-pointer-complete = Every step is done.
button-done = Mark done
button-progress = Progress
button-contact = Contact
button-next = Next step

## Done, undo, progress
done-task = ☑ Marked "{ $task }" as done ({ $date }).
done-now-waiting = ⏳ Now waiting for { $what }.
done-next-step = Next: { $step }. Type /next for the details.
done-already = "{ $task }" is already done ({ $date }). Nothing was changed.
progress-count = Progress: { $done } of { $total } steps done ({ $percent }%) { $bar }
undo-task = Undid "{ $task }".
undo-mode = The billing mode is back to "{ $mode }".
undo-update = The registration is back as it was (office name: { $name }).
progress-title = Progress of "{ $name }", office number { $number }, { $mode }
progress-item-done = { $step }, done { $date }
progress-item-waiting = { $step }: waiting for { $what } since { $since } ({ $days } days)
progress-item-todo = { $step }
progress-item-na = { $step }, not needed
progress-item-agent = { $step }: done by the proxy "{ $agent }"
progress-item-agent-unnamed = { $step }: done by the proxy (代理人)
progress-item-agent-done = { $step }: done by the proxy "{ $agent }" on { $date }
progress-item-agent-waiting = { $step }: the proxy "{ $agent }" is waiting for { $what } since { $since } ({ $days } days)
progress-item-vendor = { $step }: the vendor's part (ask { $vendor } what your office needs to do)
progress-item-offices = { $step }: notice received for { $received } of { $offices } offices
progress-title-agent-office = Progress of "{ $name }", office number { $number }, { $mode }, proxy "{ $agent }"
progress-registered = Registered { $date }, last change { $updated }
mode-changed = The billing mode is now "{ $mode }". Steps already done are kept.
mode-left-agent = The office no longer belongs to the proxy (代理人) "{ $agent }".
register-agent-created = Registered the proxy (代理人) "{ $agent }". This channel is the proxy's channel.
register-agent-channel-moved =
    Registered the proxy (代理人) "{ $agent }".
    This channel is now the channel of the proxy "{ $agent }".
register-agent-bound = Bound the proxy (代理人) "{ $agent }" to this channel. Its progress is kept.
register-agent-office = Registered "{ $name }" (office number { $number }) as an office of the proxy "{ $agent }" ({ $offices ->
    [one] 1 office
   *[other] { $offices } offices
}).
done-now-waiting-office = ⏳ When the notice (「電子請求登録結果に関するお知らせ」) arrives, type /done office:{ $number }.
done-task-office = ☑ Marked "{ $task }" of { $office } as done ({ $date }).
done-already-office = "{ $task }" of { $office } is already done ({ $date }). Nothing was changed.
undo-task-office = Undid "{ $task }" of { $office }.
undo-task-office-gone = "{ $task }" of { $office } was changed since, so it was left as it is.

## Contacts
contact-for-step = Whom to ask about the current step, "{ $step }":
contact-intro = Whom to ask:
contact-label-name = Contact
contact-label-tel = Tel
contact-label-fax = Fax
contact-label-email = Email
contact-label-url = URL
contact-label-note = Note
contact-line = { $label }: { $value }

## Answers to questions
answer-none = I could not find an FAQ answer to this question. Please ask the contact below, or try asking in other words. Your question is passed on to the support staff.
answer-off-scope = This question does not seem to be about starting internet billing (the notification, the electronic certificate, the reception system and so on), which is all this bot covers. For internet billing, ask the contact below. Your question is passed on to the support staff.
answer-did-you-mean = Did you mean one of these?

## Help
help-title = How to use
help-text =
    /next shows the step to do now
    /done marks the current step (or the step or task given with step:) as done
    /undo undoes the last change
    /progress shows the progress
    /contact shows whom to ask (or choose with topic:)
    /mode changes the billing mode (direct / proxy / vendor)
    /faq asks a question; a question typed in the channel is answered too
    /register registers the office (for example: /register 1370100016 "Aoba Care")
    /register with mode: the billing mode (direct, proxy or vendor; for example: /register 1370100016 "Aoba Care" mode:vendor)
    /register with agent: the name of the proxy (代理人) for proxy billing (can be left out in the proxy's channel)
    /done office: in the proxy's channel, marks an office's notification step (office: office number)
    /certificate shows the certificate's expiry (record it with expires:)
    /fix-number corrects a mistyped office number (number: the right number)
    /ask-staff sends a question to the support staff (question: the question)
    Writing "we submitted the notification" in the channel marks it done after you confirm.
help-staff =
    For support staff:
    /summary progress of all offices
    /unanswered questions the bot could not answer
    /history an office's change log (office: office number)
    /fix-number corrects an office number (number: the right number, office: the current one)
    /archive takes an office off the lists (office: office number); /unarchive brings it back
    /progress office: an office's progress (office number or name)
    /inbox questions waiting for an answer (id: to see one in full)
    /reply answers a question (id: request number, text: the answer)
    /close closes a question (id: request number)
    /teach adds an answer to the FAQ (id: request number, or question: and answer:)
    /taught the FAQ entries added (/forget id: removes one)
    /backup a backup of the running bot

## Support staff
summary-title = Progress of all offices
summary-totals = { $total } offices registered, { $completed } done, { $waiting } waiting on the NHI federation (国保連合会), { $stalled } stalled
summary-step-line = { $step }: { $count ->
    [one] 1 office
   *[other] { $count } offices
} { $bar }
summary-attention = Offices in progress, longest at their step first (page { $page } of { $pages }):
summary-office-waiting = ⏳ { $name } ({ $number }) { $step }: waiting { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (since { $since }){ $stalled ->
        [yes] {" "}⚠ stalled
       *[no] {""}
    }
summary-office-stalled = { $name } ({ $number }) { $step }: { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (no change since { $since }){ $stalled ->
        [yes] {" "}⚠ stalled
       *[no] {""}
    }
summary-agents = Progress by proxy (代理人), { $agents ->
    [one] 1 proxy
   *[other] { $agents } proxies
}:
summary-agent-line = Proxy "{ $agent }": { $done } of { $total } proxy steps done ({ $step }); notice received for { $received } of { $offices } offices{ $archived ->
    [0] {""}
   *[other] { " " }(and { $archived } archived)
}
summary-agent-pending = Waiting for the notice or not yet submitted: { $offices }{ $more ->
    [0] {""}
   *[other] , and { $more } more
}
summary-agents-more = { $count } more proxies (also in the agent column of summary --format csv)
summary-agent-step = { $step } (proxy "{ $agent }")
unanswered-title = Questions the bot could not answer (most frequent first)
unanswered-none = There are no unanswered questions.
unanswered-line = "{ $text }" { $count ->
        [one] 1 time
       *[other] { $count } times
    } (latest { $date }) { $who }
unanswered-office = { $name } ({ $number })
unanswered-offices-2 = { $a }, { $b }
unanswered-offices-more = { $a }, { $b } and { $more } more
unanswered-channel = channel { $channel } (no office registered)
unanswered-nobody = {""}
unanswered-answered-now = { $count } questions the FAQ now answers are left out.
unanswered-skipped = { $count } greetings, thanks and the like are left out.
unanswered-hint =
    Add an answer with /teach question:the question answer:the answer, and the bot answers it from then on.
    To add it as another way of asking an existing FAQ entry, use faq: instead of answer:.
history-title = Change log of "{ $name }" ({ $number })
history-line = #{ $seq } { $date } { $who }: { $what }
history-registered = registered ({ $name }, { $mode })
history-updated = registration updated ({ $name }, { $mode })
history-task-done = done: { $task }
history-mode = billing mode changed ({ $from } → { $to })
history-undo = undid #{ $seq }
history-bound = bound to channel { $channel }
history-agent-registered = proxy registered ({ $name })
history-office-task-done = "{ $task }" of office { $number } marked done
history-title-agent = History of the proxy (代理人) "{ $agent }"

## The summary chart (the PNG attached to /summary). After adding characters, run assets/fonts/subset.sh
chart-title-steps = Offices per step ({ $total } in all)
chart-title-weeks = Completions per week (last { $weeks } weeks)
chart-step-environment = Environment
chart-step-notify = Start notice
chart-step-proxy-application = Proxy application
chart-step-login = Login
chart-step-certificate = Certificate
chart-step-installer = Installer
chart-step-software = Billing software
chart-step-done = Done
chart-count = { $count }
chart-weeks-ago = { $weeks }w ago
chart-this-week = this week

## Errors
error-not-registered = No office is registered in this channel.
error-number-empty = Please enter the office number (10 characters).
error-number-length = An office number has 10 characters (you entered { $len }). Please check the number.
error-number-char = The office number contains a character that cannot be used: "{ $char }".
error-number-prefecture = The first two digits of the office number (prefecture number "{ $pref }") are not 01 to 47.
error-number-kind = The third character of the office number, "{ $char }", cannot be used (a digit, or a capital letter other than I, O, Q).
error-unknown-command = There is no command "/{ $cmd }". Type /help to see how to use the bot.
error-unknown-command-meant = There is no command "/{ $cmd }". Did you mean /{ $meant }?
error-unknown-option = /{ $cmd } has no option "{ $opt }". Type /help to see how to use the bot.
error-missing-option = /{ $cmd } needs { $opt }:.
error-duplicate-option = { $opt }: was given twice.
error-unterminated-quote = A quotation mark (") is not closed.
error-empty = The command is empty. Type /help to see how to use the bot.
error-bad-mode = There is no billing mode "{ $mode }". Choose direct (事業所請求), proxy (代理請求) or vendor (業者による請求代行).
error-unknown-step = There is no step "{ $step }". Give a step's name (for example: certificate) or its number. Type /progress to see the list of steps.
error-step-not-applicable = "{ $step }" is not needed in this office's billing mode.
error-step-done = "{ $step }" is already done. To undo it, type /undo.
error-task-earlier-open = A task before it is still open: { $first }. Please mark that one done first with /done.
error-all-done = Every step is done. Type /progress to see them.
error-nothing-to-undo = There is nothing to undo.
error-staff-only = Only support staff can use this command.
error-channel-bound = Another office ({ $number }) is registered in this channel. Please ask the support staff to change it.
error-number-bound = Office number { $number } is registered in another channel. Please use that channel, or ask the support staff.
error-office-needs-staff = Office number { $number } is already registered. To use it in this channel, please ask the support staff. Nothing was changed.
error-empty-name = Please enter the office name.
error-too-long = The input is too long (up to { $max } characters).
error-same-mode = The billing mode is already "{ $mode }".
error-unknown-office = Office number { $number } is not registered.
error-unknown-topic = There is no contact "{ $topic }". Choose reception (the reception system helpdesk), denso (the transmission software helpdesk), kokuhoren (the 国保連合会), software (your billing software) or vendor.
error-empty-question = Please type a question.
error-rate-limited = Many requests in a short time. Please wait about { $seconds } seconds and try again.
error-internal = Sorry, something went wrong while handling this. Please try again in a moment. If it keeps happening, tell the support staff.
error-config = Cannot read the configuration file: { $detail }
error-start = Cannot start: { $detail }

## Configuration errors (never the value: it may be a token)
config-at = { $path } line { $line }, column { $column }
config-at-file = { $path }
config-read = { $path }: { $error }
config-not-utf8 = { $path }: not UTF-8 from byte { $byte } on
config-syntax = { $at }: not valid TOML (check quotes, brackets and "=")
config-duplicate-key = { $at }: the key { $key } is written twice
config-duplicate-key-hidden = { $at }: a key is written twice
config-unknown-key = { $at }: there is no key { $key }
config-unknown-key-allowed = { $at }: there is no key { $key } (keys: { $allowed })
config-unknown-key-hidden = { $at }: an unknown key (not shown: it does not look like a setting name)
config-bad-value = { $at }: the value of { $key } is not valid. { $expected }
config-bad-value-hidden = { $at }: a value is not valid. { $expected }
config-missing-key = { $at }: [{ $table }] needs { $key }
config-prefecture = { $at }: the key of [kokuhoren."{ $key }"] must be a prefecture number (01-47)
config-expect-integer = Write a whole number, 0 or more (no quotes).
config-expect-text = Write text in "…".
config-expect-bool = Write true or false.
config-expect-list = Write a list in [ ].
config-expect-table = Write a table ([name], then key = value lines).
config-expect-locale = Write ja or en.
config-expect-other = Compare it with the bot.toml that comes with the bot.

## Console
console-welcome = seikyu-navi console (channel: { $channel }). Type /help for help, Ctrl+D to quit.
console-no-token = DISCORD_TOKEN is not set, so the console chat is starting.
console-actions = Actions: { $actions }
console-action = { $command } ({ $label })

## check
check-config = Configuration: { $detail }
check-locales = Locale files: { $detail } OK
check-data = Data directory: { $detail } offices
check-ok = No problems found.
check-problem = Problem: { $detail }
error-discord = The Discord connection ended: { $detail }

## Discord slash commands (value: description, .name: the name)
cmd-register = Register the office in this channel
    .name = register
cmd-next = Show the step to do now
    .name = next
cmd-done = Mark the current step as done
    .name = done
cmd-undo = Undo the last change
    .name = undo
cmd-progress = Show the progress
    .name = progress
cmd-faq = Find the answer among the frequent questions
    .name = faq
cmd-contact = Show whom to ask
    .name = contact
cmd-mode = Change the billing mode
    .name = mode
cmd-help = Show how to use the bot
    .name = help
cmd-summary = Progress of all offices (support staff)
    .name = summary
cmd-unanswered = Questions the bot could not answer (support staff)
    .name = unanswered
cmd-history = An office's change log (support staff)
    .name = history
opt-register-number = Care insurance office number (介護保険事業所番号, 10 characters)
    .name = number
opt-register-name = Office name
    .name = name
opt-register-mode = Billing mode
    .name = mode
opt-register-software = Your billing software (e.g. 国保中央会介護伝送ソフト)
    .name = software
opt-done-step = The step or task to mark done (default: the current step)
    .name = step
opt-done-office = In a proxy's channel: the office number whose notification step to mark done
    .name = office
opt-register-agent = The name of the proxy (代理人) for proxy billing (can be left out in the proxy's channel)
    .name = agent
opt-faq-question = Your question
    .name = question
opt-contact-topic = What it is about
    .name = topic
opt-mode-mode = The new billing mode
    .name = mode
opt-history-office = Office number (default: this channel's office)
    .name = office
choice-mode-direct = Office billing (事業所請求)
choice-mode-proxy = Proxy billing (代理請求)
choice-mode-vendor = Billing by a vendor (業者による請求代行)
choice-topic-reception = The reception system (介護電子請求受付システム)
choice-topic-denso = The care transmission software (国保中央会介護伝送ソフト)
choice-topic-kokuhoren = The notification (国保連合会)
choice-topic-software = Your billing software
choice-topic-vendor = The billing vendor

## Reminders
reminder-stalled = No progress for { $days } days. Here is the current step again. If it is done, type /done.
reminder-certificate-pending = It is { $days } days since you applied for the electronic certificate (applied { $since }). It is usually issued within a few days. If it has not arrived, please ask the contact below. If it has, type /done.
reminder-notice-pending =
    { $days } days have passed since you submitted the notification to the 国保連合会 (on { $since }).
    If the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」) has not arrived, please contact the 国保連合会 below.
    From the notification to the first claim takes about one month (it varies by 国保連合会).
    If it has arrived, type /done.
reminder-certificate-expiry = Your electronic certificate expires on { $date }: { $days } days left.
reminder-certificate-renewal =
    To renew it, log in to the reception system (介護電子請求受付システム) and apply for a new issuance in the [証明書] (certificate) menu with the certificate issuance password (証明書発行用パスワード).
    The NHI federation (国保連合会) also sends a notice about 90 days before the expiry.
    If it lapses, a first-time issuance (about one month) is needed again, and internet billing stops meanwhile.
    Renewal notices and steps may vary by prefecture (国保連合会).

summary-recent = Recently finished:
summary-office-completed = ☑ { $name } ({ $number }) finished { $date }
button-previous = Previous
button-more = More
error-bad-page = "{ $page }" is not a valid page (a number from 1).
error-page-out-of-range = { $pages ->
        [1] There is no page { $page }: there is only 1 page of offices in progress. Type /summary to see it.
       *[other] There is no page { $page }: there are only { $pages } pages of offices in progress. Give a page from 1 to { $pages }, e.g. /summary page:{ $pages }.
    }
error-empty-agent-name = Please enter the name of the proxy (代理人).
error-agent-needs-proxy = An office of a proxy (代理人) bills by proxy billing (代理請求); "{ $mode }" cannot be chosen.
error-channel-is-agents =
    This channel is the channel of the proxy (代理人) "{ $agent }".
    Offices registered here belong to "{ $agent }" (agent: can be left out).
error-unknown-agent =
    There is no proxy (代理人) "{ $agent }".
    In a new channel for the proxy, type /register number:(office number) name:(office name) agent:{ $agent } to register the proxy with its office.
error-agent-bound = The proxy (代理人) "{ $agent }" is registered in another channel. Please register its offices there.
error-agent-needs-staff = The proxy (代理人) "{ $agent }" is already registered. To use it in this channel, ask the support staff. Nothing was changed.
error-number-linked = Office number { $number } is registered as an office of another proxy (代理人). Ask the support staff to change it.
error-agent-full =
    The proxy (代理人) "{ $agent }" already has { $max } offices.
    One electronic certificate covers up to { $max } offices.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
error-agent-channel-mode = This channel is the channel of the proxy (代理人) "{ $agent }" (proxy billing). Its billing mode cannot be changed.
error-agent-all-done = The proxy's steps and every office's notification are done. Type /progress to see them.
error-which-office =
    Please give the office whose notification step this is, with office:.
    Example: /done office:{ $number }
    Type /next to see each office.
error-agent-no-offices = The proxy (代理人) "{ $agent }" has no offices registered. Register them first with /register.
error-not-agents-office = Office number { $number } is not registered as an office of the proxy "{ $agent }". Type /progress to see its offices.
error-step-is-agents = "{ $step }" is done by the proxy (代理人) "{ $agent }". Mark it done in the proxy's channel.
error-step-is-agents-unnamed = "{ $step }" is done by the proxy (代理人), not by this office.
error-step-is-vendors = "{ $step }" is the vendor's part. Ask your vendor what your office needs to do.
error-office-part-done = Every step of this office is done. The proxy (代理人) "{ $agent }" does the rest. Type /progress to see it.
error-office-part-done-unnamed = Every step of this office is done. The proxy (代理人) does the rest. Type /progress to see it.
error-channel-bound-proxy =
    Another office ({ $number }) is registered in this channel.
    To bill for several offices by proxy billing (代理請求), register the proxy (代理人).
    Type /register number:{ $number } name:(office name) agent:(the proxy's name) and this channel becomes the proxy's channel.
    Then register the other offices in this channel.
error-office-option = office: is for a proxy's channel. Mark this channel's office's steps done with /done.
error-console-option = --{ $opt } must be 1 to { $max } characters, without line breaks or control characters. Nothing was changed.
console-attachment = (attachment: { $name }, { $bytes } bytes; on Discord it arrives as an image or file)
console-file-saved = File saved: { $path }
console-file-failed = Could not save { $name } in { $dir }: { $detail }
opt-summary-page = Page of the waiting and stalled list (from 1)
    .name = page
opt-summary-format = What to attach (the chart is always attached)
    .name = format
choice-format-chart = Chart (PNG)
choice-format-csv = Chart and CSV
error-no-discord = This build has no Discord support (build with the cargo feature "discord").

## Dates and lists
date = { $day } { $monthname } { $year }
list-item = - { $text }
field-label = { $label }:
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## CLI help
cli-about = Walks care offices through starting internet billing (インターネット請求) to their 国保連合会.
cli-run = Discord when DISCORD_TOKEN is set, otherwise the console chat (the default)
cli-console = Chat from the terminal: one slash command or question per line
cli-ask = Look one question up in the FAQ
cli-summary = Progress of every office
cli-check = Validate bot.toml, the locales and the data directory
cli-import = Import a roster (CSV: number,name,mode,software,channel,agent), or restore an export (JSON) into an empty data directory
cli-export = Write the whole database as JSON (to stdout, or to the --output file)
cli-arg-config = Configuration file
cli-arg-data = Data directory (overrides bot.data_dir)
cli-arg-channel = Channel name (up to 100 characters)
cli-arg-user = User name (up to 100 characters)
cli-arg-staff = Act as staff
cli-arg-lang = Reply language (ja or en)
cli-arg-office = Route the contact for this registered office number
cli-arg-json = Print one JSON object
cli-arg-question = The question
cli-arg-format = Output format
cli-arg-path = The file to import
cli-arg-output = The file to write

## The data directory: errors an operator or a user can act on
store-missing = There is no data directory at "{ $path }". Check --data (or data_dir in bot.toml). This command does not create a data directory.
store-foreign = "{ $path }" holds files that are not a data directory's. Nothing in it was touched. Give an empty directory or an existing data directory.
store-locked = The data directory "{ $path }" is in use by another seikyu-navi process (such as the running bot). Stop the bot first. To back up without stopping it, staff type /backup in the chat (it needs dir under [backup] in bot.toml).
store-full = The disk is full, so this could not be saved. Nothing of this action was stored. Free some space and try again.
store-damaged = The data directory is damaged ({ $detail }). Restore it from a backup (the JSON written by export).
store-newer-schema = This data directory was written by a newer seikyu-navi (layout { $found }; this version reads up to { $supported }). Use the newer version. The data is unchanged.
store-newer-record = This office's record was saved by a newer seikyu-navi (record version { $found }; this version reads up to { $supported }). Please ask staff to run the newer version of the bot.
store-contention = This clashed with another change and was not saved. Please try again.
store-other = The data directory cannot be used: { $detail }

## check: what the data directory holds
check-last-import = Last roster import: { $detail }
check-last-restore = Last restore: { $detail }
check-records = Records: { $offices } offices, { $events } history events{ $agents ->
    [0] {""}
   *[other] , { $agents } proxies (代理人)
}, { $handoffs } requests for staff, { $taught } taught FAQ entries. All readable, all links consistent.
check-interrupted = A working directory of an interrupted import or restore is left over ({ $detail }). The data directory is as it was before. The next import removes the working directory.
verify-what-office = The record of office { $number }
verify-what-channel = A channel binding
verify-what-history = A history key
verify-what-event = The history of office { $number }
verify-what-question = An unanswered question's record
verify-newer-record = { $what } was saved by a newer version (record version { $found }; this version reads up to { $supported }). Use the newer seikyu-navi.
verify-unreadable = { $what } cannot be read ({ $detail }). Restore from a backup.
verify-office-key = The office record stored under "{ $key }" holds number { $number }.
verify-channel-no-office = Channel { $channel } is bound to office { $number }, which is not registered.
verify-channel-mismatch = Channel { $channel } is bound to office { $number }, but that office's record names another channel.
verify-office-unbound = Office { $number }'s record names channel { $channel }, but that channel is not bound to it.
verify-history-gap = Office { $number }'s history has a gap (event { $found } where { $expected } should be).
verify-history-short = Office { $number }'s history stops at event { $events } (its record is at revision { $revision }).
verify-history-no-office = There is history for office { $number }, which is not registered.
verify-what-handoff = The record of request for staff #{ $id }
verify-what-taught = The record of taught FAQ entry #{ $id }
verify-handoff-key = The key of request for staff #{ $key } does not match the number inside its record (#{ $id }).
verify-thread-index = The index entry of staff thread { $thread } does not match request for staff #{ $id }.
verify-thread-unindexed = { $count } staff threads are missing from, or extra in, the thread index.
verify-more = { $count } more problems.
verify-what-agent = the record of the proxy (代理人) "{ $agent }"
verify-agent-key = The key of a proxy's record "{ $key }" does not match the key inside it, "{ $agent }".
verify-agent-channel = Channel { $channel } and the proxy (代理人) "{ $agent }" do not name each other.
verify-what-agent-index = the index of the proxies' offices
verify-office-agent = Office { $number } names the proxy (代理人) "{ $agent }", which is not registered.
verify-agent-index = Office { $number } and the index of the offices of the proxy "{ $agent }" do not agree.
check-data-empty = Data directory: { $detail } (empty; the bot creates its data on first start)

## Backups of the running bot
cmd-backup = Write a backup of the running bot (support staff)
    .name = backup
backup-done = Backup written: { $path } ({ $offices } offices). To restore, stop the bot and import it into an empty data directory.
error-backup-not-configured = No backup directory is set. Add dir = "(folder)" under [backup] in bot.toml and restart the bot.

## The certificate's expiry (/certificate and reminders)
certificate-expires = The electronic certificate (電子証明書) is valid until { $date } ({ $days ->
        [0] today is the last day
        [one] 1 day left
       *[other] { $days } days left
    }).
certificate-expires-from-issue = The electronic certificate (電子証明書) is valid until { $date } ({ $days ->
        [0] today is the last day
        [one] 1 day left
       *[other] { $days } days left
    }). This date is counted as 3 years from the issue date ({ $issued }).
certificate-expires-estimate = The electronic certificate (電子証明書) is expected to be valid until about { $date } ({ $days ->
        [0] today is the last day
        [one] 1 day left
       *[other] { $days } days left
    }).
certificate-lapsed = The electronic certificate (電子証明書) expired on { $date }.
certificate-lapsed-estimate = The electronic certificate (電子証明書) was expected to be valid until about { $date }. That day has passed.
certificate-estimate-why =
    This date is an estimate: 3 years from the day the certificate was marked applied for or installed here ({ $since }).
    The actual expiry may differ.
certificate-check-exact = The exact expiry is shown in the [証明書] (certificate) menu of the reception system (介護電子請求受付システム).
certificate-how =
    Once you have checked it, type it like this: /certificate expires:2029-11-23 (the date is an example).
    To record the issue date instead, type /certificate issued:2026-11-24.
certificate-none = No expiry date of the electronic certificate (電子証明書) is recorded yet.
certificate-recorded = Recorded the electronic certificate's expiry.
certificate-recorded-issued = Recorded the electronic certificate's issue date.
certificate-unchanged = This date is recorded already. Nothing was changed.
certificate-schedule = You will be reminded in this channel 90, 30 and 7 days before the expiry.
certificate-schedule-estimate = You will be reminded in this channel 180, 90, 30 and 7 days before the estimated date.
done-certificate-ask =
    Record the certificate's expiry, and you will be reminded in this channel before it lapses.
    You can check the expiry in the [証明書] (certificate) menu; then type it like this: /certificate expires:2029-11-23 (the date is an example).
reminder-certificate-lapsed =
    If you have renewed it, record the new expiry with /certificate expires:.
    If it has lapsed, the first-time issuance is needed again (about one month), and internet billing stops meanwhile.
    The procedure and the time may vary by 国保連合会 (NHI federation).
undo-certificate = The certificate dates are back to what was recorded before.
history-certificate-expires = recorded the certificate's expiry ({ $date })
history-certificate-issued = recorded the certificate's issue date ({ $date })
certificate-agent = This is the electronic certificate of the proxy (代理人) "{ $agent }": one for all its offices.
certificate-recorded-agent = Recorded the expiry of the proxy "{ $agent }"'s electronic certificate.
certificate-recorded-issued-agent = Recorded the issue date of the proxy "{ $agent }"'s electronic certificate.
certificate-is-agents =
    This office's electronic certificate is its proxy's (代理人 "{ $agent }"): one for all the proxy's offices.
    Its expiry is recorded, and reminded of, in the proxy's channel (type /certificate there).
certificate-is-agents-unnamed =
    In proxy billing (代理請求), the proxy (代理人) holds one electronic certificate for all its offices.
    Its expiry is recorded, and reminded of, in the proxy's channel (type /certificate there).
error-certificate-is-agents = The electronic certificate is the proxy's (代理人 "{ $agent }"), one for all its offices: record its expiry in the proxy's channel with /certificate. Nothing was changed.
error-certificate-is-agents-unnamed = In proxy billing (代理請求), the electronic certificate is the proxy's, one for all its offices: record its expiry in the proxy's channel with /certificate. Nothing was changed.
error-bad-date = Cannot read the date "{ $date }". Type it like 2029-11-23, 2029年11月23日 or 令和11年11月23日.
error-issued-in-future = The issue date is after today. Please check the date. Nothing was changed.
error-expiry-too-far = The expiry is more than 3 years from today, but a certificate is valid for 3 years. Please check the date. Nothing was changed.
error-expiry-before-issue = The expiry is before the issue date. Please check the dates. Nothing was changed.
cmd-certificate = Shows or records the electronic certificate's expiry
    .name = certificate
opt-certificate-expires = The expiry shown in the [証明書] menu (e.g. 2029-11-23)
    .name = expires
opt-certificate-issued = The certificate's issue date (e.g. 2026-11-24)
    .name = issued

## Correcting an office number; archiving
fix-number-done =
    Corrected the office number from { $from } to { $to } ({ $name }).
    The progress and the change log are kept.
register-fix-hint = If the number is wrong, you can correct it within { $days } days of registering with /fix-number number:the-right-number.
error-channel-bound-fixable =
    Office number { $number } is registered in this channel.
    If you registered a mistyped number, correct it with /fix-number number:{ $new }.
    To register another office, use that office's own channel.
error-fix-number-late = It is more than { $days } days since the office was registered: please ask support staff to correct the number. Nothing was changed.
error-number-taken = Office number { $number } is registered already. Please ask support staff to correct the number. Nothing was changed.
error-same-number = The office number is { $number } already. Nothing was changed.
archive-done =
    Archived "{ $name }" ({ $number }).
    It leaves the progress of all offices, the dashboard and the reminders. Its record and change log are kept.
    To bring it back, type /unarchive office:{ $number }.
unarchive-done =
    "{ $name }" ({ $number }) is no longer archived.
    It is back in the progress of all offices and the reminders.
error-archived = Office number { $number } is archived (it is off the list of all offices). To resume, please ask support staff.
error-not-archived = Office number { $number } is not archived. Nothing was changed.
summary-archived = Archived offices: { $count } (not counted here; to bring one back, /unarchive office:office-number)
history-number-corrected = corrected the office number ({ $from } → { $to })
history-archived = archived
history-unarchived = unarchived
cmd-fix-number = Corrects a mistyped office number
    .name = fix-number
opt-fix-number-number = The right long-term care office number (10 characters)
    .name = number
opt-fix-number-office = The office's current number (support staff)
    .name = office
cmd-archive = Takes an office off the list of all offices (support staff)
    .name = archive
opt-archive-office = Office number (default: this channel's office)
    .name = office
cmd-unarchive = Brings an archived office back (support staff)
    .name = unarchive
opt-unarchive-office = Office number (default: this channel's office)
    .name = office

## Asking a person (/ask-staff) and the staff inbox (/inbox, /reply, /close)
button-ask-staff = Ask staff
answer-ask-staff = If you would like an answer from the support staff, use "Ask staff" (/ask-staff). The answer is posted in this channel.
handoff-asked = Your question was sent to the support staff (request #{ $id }).
handoff-asked-already = This question has already reached the support staff (request #{ $id }).
handoff-asked-next =
    The answer will be posted in this channel.
    If it is urgent, /contact shows whom to call.
handoff-label-question = Your question
handoff-label-the-question = Question
handoff-label-office = Office
handoff-label-step = Current step
handoff-label-asked = Asked by
handoff-text = { $text }
handoff-line = { $label }: { $value }
handoff-office = { $name } ({ $number })
handoff-office-mode = { $office }, { $mode }
handoff-channel = channel { $channel }
handoff-step = { $step } (since { $since }, { $days } days)
handoff-step-waiting = ⏳ { $step }: waiting for it to arrive (since { $since }, { $days } days)
handoff-asked-by = { $who } ({ $date }, channel { $channel })
handoff-title = Request for staff #{ $id } ({ $state })
handoff-state-open = waiting for an answer
handoff-state-answered = answered
handoff-state-closed = closed
handoff-recent = Recent exchanges (oldest first):
handoff-exchange = "{ $said }" → { $answered }
handoff-exchange-unanswered = "{ $said }" → no FAQ answer
handoff-replies = Answers so far:
handoff-reply-line = { $date } { $who }: { $text }
handoff-reply-line-pending = { $date } { $who }: { $text } (not delivered yet)
handoff-how =
    Answer with /reply id:{ $id } text:your answer.
    When done, close it with /close id:{ $id }.
handoff-how-thread =
    A message in this thread is posted to the office's channel (/reply id:{ $id } works too).
    When done, close it with /close id:{ $id }.
inbox-title = Questions waiting for an answer ({ $count }, oldest first)
inbox-none = No question is waiting for an answer.
inbox-line = #{ $id } { $who } · { $days ->
        [0] today
        [1] 1 day ago
       *[other] { $days } days ago
    } · "{ $question }"
inbox-more = { $count } more.
inbox-answered = { $count } answered questions are not closed yet.
inbox-how =
    To see one in full, type /inbox id:number.
    Answer with /reply id:number text:your answer.
delivery-title = Answer from the support staff (request #{ $id })
delivery-from = ― { $who }, support staff ({ $date })
delivery-more = To ask more, type /ask-staff question:your question.
reply-recorded = Answer recorded for #{ $id } ({ $who }).
reply-delivery = It is posted in the office's channel. At the console it is shown the next time that office types something.
reply-next =
    When done, close it with /close id:{ $id }.
    To add this answer to the FAQ, type /teach id:{ $id }.
close-done = Closed #{ $id } ({ $who }).
close-already = #{ $id } ({ $who }) is closed already. Nothing was changed.
error-no-question = There is no question to send. Please write it, e.g. /ask-staff question:What do I do when a claim is returned?
error-too-many-open = This channel already has { $max } questions waiting for an answer. Please wait for the answers.
error-bad-request-id = "{ $id }" is not a request number. Use the number shown by /inbox (e.g. 3).
error-unknown-request = There is no request #{ $id }. See /inbox.

## FAQ entries taught by the support staff (/teach, /taught, /forget)
taught-question = { $question } (added by support staff)
taught-mark = ※ This answer was added by this bot's support staff ({ $date }). It is not part of the official guide.
teach-entry = Added to the FAQ (#{ $id }): "{ $question }"
teach-phrasing = Added "{ $question }" as a way of asking the FAQ entry "{ $target }" (#{ $id }).
teach-next =
    The same question is answered with it from now on.
    To undo, type /forget id:{ $id }.
taught-title = FAQ entries added by the support staff ({ $count })
taught-none = No FAQ entry has been added yet. Use /teach to add one.
taught-line = #{ $id } "{ $question }" → { $answer } ({ $who }, { $date })
taught-line-phrasing = #{ $id } "{ $question }" → a way of asking "{ $target }" ({ $who }, { $date })
taught-how = To remove one, type /forget id:number.
forget-done = Removed taught FAQ entry #{ $id } ("{ $question }").
forget-done-phrasings = Its { $count } added ways of asking were removed too.
error-teach-what = /teach needs id: (the number of an answered request) or question: and answer:. To add a way of asking an existing FAQ entry, use faq: instead of answer:.
error-teach-no-answer = #{ $id } has no answer yet. Write one with answer:, or answer it first with /reply.
error-teach-both = answer: and faq: cannot be used together: answer: for a new answer, faq: for a new way of asking an existing entry.
error-unknown-faq = There is no FAQ entry "{ $faq }". Give a number from /taught, the entry's question, or its name (e.g. certificate-fee).
error-unknown-taught = There is no taught FAQ entry #{ $id }. See /taught.

## Offices as staff see them (/progress office:, /history office:)
error-office-ambiguous = Several offices match "{ $query }" ({ $list }). Please give the office number.
error-office-not-found = No office matches "{ $query }". Give an office number or part of an office name.
error-office-needed = No office is registered in this channel. Give an office number or name with office:.
cmd-ask-staff = Sends a question to the support staff
    .name = ask-staff
opt-ask-staff-question = Question (default: the last question the bot could not answer)
    .name = question
cmd-inbox = Questions waiting for an answer (support staff)
    .name = inbox
opt-inbox-id = Request number (to see one in full)
    .name = id
cmd-reply = Answers a question (support staff)
    .name = reply
opt-reply-id = Request number
    .name = id
opt-reply-text = The answer
    .name = text
cmd-close = Closes a question (support staff)
    .name = close
opt-close-id = Request number
    .name = id
cmd-teach = Adds an answer to the FAQ (support staff)
    .name = teach
opt-teach-id = Number of an answered request
    .name = id
opt-teach-question = The question
    .name = question
opt-teach-answer = The answer
    .name = answer
opt-teach-faq = FAQ entry to add a way of asking to (question, name, or number from /taught)
    .name = faq
cmd-taught = FAQ entries added by staff (support staff)
    .name = taught
cmd-forget = Removes an added FAQ entry (support staff)
    .name = forget
opt-forget-id = Number from /taught
    .name = id
opt-progress-office = Office number or name (support staff)
    .name = office
