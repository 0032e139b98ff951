## How a message is taken (src/intent.rs): a report that something is done, a request to the bot, small talk, asking for a person

## A report that a task is done: confirmed before anything is recorded
intent-status-confirm = Mark "{ $task }" as done?
intent-status-confirm-both = Mark "{ $first }" and "{ $task }" as done?
intent-status-how =
    To mark it done, reply "yes".
    You can also use "Mark done" below.
    If it is not done yet, just leave it. Nothing has been recorded.
intent-status-already = "{ $task }" was marked done on { $date }. Nothing was changed.
intent-status-na = "{ $step }" is not needed in this office's billing mode. There is nothing to record.
intent-status-all-done = Every step is done. There is nothing to record.
intent-status-unregistered = To record that a task is done, first register the office in this channel.
intent-undo-confirm = Undo the last change ({ $what })?
intent-undo-how =
    To undo it, reply "yes".
    Typing /undo undoes it too.
intent-declined = All right. Nothing was changed.
button-done-task = Mark done: { $task }

## Small talk (never logged as an unanswered question)
intent-thanks = You're welcome. If anything else is unclear, just write here any time.
intent-greeting = Hello. If anything about preparing internet billing is unclear, just write here any time.
intent-farewell = Thank you for today. You can pick up where you left off in this channel any time.
intent-ack = All right. If anything is unclear, just write here any time.

## Asking for a person
intent-handoff = The support staff can be asked from a channel where an office (or a proxy) is registered: write that you want to talk to a person there, or use /ask-staff.
intent-handoff-how =
    If you have not registered yet, register your office first with /register.
    If it is urgent, call the contact below.

## ask (CLI): what a message that is not a question gets
intent-ask-status = A report that "{ $task }" is done. Written in the channel, it is confirmed and then marked done.
intent-ask-status-any = A report that a task is done. Written in the channel, it is confirmed and then the current task is marked done.
intent-ask-next = /next shows the step to do now.
intent-ask-progress = /progress shows the progress.
intent-ask-undo = /undo undoes the last change.
intent-ask-help = /help shows how to use the bot.
intent-ask-contact = /contact shows whom to ask.

## Task names for /done step: (each marks exactly that task)
task-value-environment = environment
task-value-notify-submit = notify-submit
task-value-notify-receive = notify-receive
task-value-proxy-application = proxy-application
task-value-login = login
task-value-certificate-apply = certificate-apply
task-value-certificate-install = certificate-install
task-value-installer = installer
task-value-software = software
