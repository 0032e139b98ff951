## Roster import, export and restore

roster-line = line { $line }: { $message }

roster-error-empty = The file is empty. Put the header number,name,mode,software,channel on line 1.
roster-error-header-missing = The header has no "{ $column }" column. The header is number,name,mode,software,channel,agent (software, channel and agent may be left out).
roster-error-header-unknown = "{ $column }" in the header is not a column name. The column names are number,name,mode,software,channel,agent.
roster-error-header-duplicate = The header has the "{ $column }" column twice.
roster-error-columns = This line has { $found } fields. Give it { $expected }, as many as the header.
roster-error-utf8 = This line has characters that are not UTF-8. Please save the file again as UTF-8.
roster-error-number-empty = The office number (number) is empty.
roster-error-number-length = The office number "{ $value }" does not have 10 characters ({ $len }).
roster-error-number-char = The office number "{ $value }" contains a character that cannot be used: "{ $char }".
roster-error-number-prefecture = The first two digits of the office number "{ $value }" (prefecture number "{ $pref }") are not 01 to 47.
roster-error-number-kind = The third character of the office number "{ $value }", "{ $char }", cannot be used (a digit, or a capital letter other than I, O, Q).
roster-error-name-empty = The office name (name) is empty.
roster-error-name-long = The office name is too long (up to { $max } characters).
roster-error-mode-empty = The billing mode (mode) is empty. Write direct (事業所請求), proxy (代理請求) or vendor (代行).
roster-error-mode = There is no billing mode "{ $mode }". Write direct (事業所請求), proxy (代理請求) or vendor (代行).
roster-error-software-long = The billing software name (software) is too long (up to { $max } characters).
roster-error-channel-long = The channel (channel) is too long (up to { $max } characters).
roster-error-agent-long = The name of the proxy (agent) is too long (up to { $max } characters).
roster-error-agent-mode = A proxy (agent) can be given only for an office whose billing mode is proxy billing (proxy, 代理請求).
roster-error-agent-full = The proxy (代理人) "{ $agent }" would bill for more than { $max } offices (one certificate covers up to { $max } offices).
roster-error-channel-agent = Channel { $channel } is the channel of the proxy (代理人) "{ $agent }". It cannot be an office's channel.
roster-error-duplicate-number = Office number { $number } is also on line { $first }. Keep one of them.
roster-error-duplicate-channel = Channel { $channel } is also given to another office on line { $first }. A channel can be bound to one office only.
roster-error-channel-bound = Channel { $channel } is already bound to another office ({ $number }). Move that office to another channel in the roster, or choose another channel.
roster-error-csv = Cannot read the file as CSV: { $detail }
roster-error-read = Cannot read the file: { $detail }
roster-error-store = Cannot write to the data directory: { $detail }

roster-warning-check-digit = The last digit of office number { $number } (check digit) does not match the calculated { $expected }. A correct number can fail this check, but please check it to be sure. It was imported anyway.

roster-failed = Import stopped: { $count ->
    [one] there is 1 error
   *[other] there are { $count } errors
}. No data was changed. Please correct the file and run it again.
roster-imported = Imported { $total ->
    [one] 1 office
   *[other] { $total } offices
} ({ $created } new, { $updated } updated, { $unchanged } unchanged).
roster-agents-created =
    Registered { $count ->
        [one] 1 proxy (代理人)
       *[other] { $count } proxies (代理人)
    } named in the roster, without a channel.
    Support staff bind a proxy to its channel by typing there: /register number:(one of its office numbers) name:(office name) agent:(the proxy's name)
roster-check-digit-count = { $count ->
    [one] 1 office number has
   *[other] { $count } office numbers have
} a check digit that does not match the calculation. A correct number can fail this check, but please check them to be sure.
roster-progress-check = Checking
roster-progress-write = Writing
roster-progress-restore-check = Checking the backup
roster-progress-restore-write = Restoring the backup

roster-restored = Restored from the backup (offices: { $offices }, channels: { $channels }, history events: { $history }, unanswered questions: { $unanswered }, reminders sent: { $reminders }, requests for staff: { $handoffs }, taught FAQ entries: { $taught }).
roster-restore-not-empty = This data directory already has data (offices: { $offices }). A backup can only be restored into an empty data directory. Give a new directory with --data. Nothing was changed.
roster-restore-json = Cannot read line { $line }, character { $column } of the backup file: { $detail }. Nothing was changed.
roster-restore-no-schema = The backup file has no schema (data version). Please check that it was written by export.
roster-restore-newer-schema = This backup was written by a newer version of the program (data version { $found }; this program reads up to { $supported }). Please restore it with the newer version.
roster-restore-newer-record = This backup has records from a newer version of the program (record version { $found }; this program reads up to { $supported }). Please restore it with the newer version.
roster-restore-duplicate-office = Office number { $number } appears twice.
roster-restore-duplicate-event = History event #{ $seq } of office number { $number } appears twice.
roster-restore-channel-unknown = Channel { $channel } is bound to { $number }, which is not an office in the backup.
roster-restore-history-unknown = There is history for office number { $number }, but that office is not in the backup.
roster-restore-duplicate-agent = The proxy (代理人) "{ $agent }" appears twice.
roster-restore-unknown-agent = { $what } names the proxy (代理人) "{ $agent }", which is not in the backup.
roster-restore-agent-history-gap = The proxy (代理人) "{ $agent }" has { $events } history events for record version { $revision }.
roster-restore-agent-channel-mismatch = Channel { $channel } and the proxy (代理人) "{ $agent }" do not name each other.

export-done = Exported { $offices ->
    [one] 1 office
   *[other] { $offices } offices
} to { $path }
export-error = Cannot export: { $detail }
roster-error-too-large = The input is too large (up to { $detail } MB). Give a file instead.
roster-restore-bad-value = Office { $number }: "{ $field }" holds a value the bot never stores (too long, control characters, out of range). Was the file edited by hand?
roster-restore-history-gap = Office { $number }: the history is incomplete ({ $events } events for revision { $revision }).
roster-restore-channel-mismatch = Channel { $channel } and office { $number } do not point at each other.
roster-restore-duplicate-id = { $what } #{ $id } appears twice.
roster-restore-bad-record = { $what } #{ $id }: "{ $field }" holds a value the bot never stores (too long, control characters, out of range). Was the file edited by hand?
roster-restore-what-handoff = Request for staff
roster-restore-what-taught = Taught FAQ entry
