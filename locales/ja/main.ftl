## 画面の文言（エラー、ヘルプ、確認）。手順の本文は steps.ftl、FAQ は faq.ftl。

## 登録と案内
hint-register = このチャンネルで使うには、最初に事業所を登録してください。例：/register number:1370100016 name:〇〇介護事業所
register-done = 「{ $name }」（事業所番号 { $number }、{ $mode }）を登録しました。
register-updated = 「{ $name }」（事業所番号 { $number }）の登録内容を更新しました。
register-unchanged = 「{ $name }」（事業所番号 { $number }）はこのチャンネルに登録済みです。
register-bound = 事業所番号 { $number }（「{ $name }」）をこのチャンネルに結び付けました。進み具合はそのまま引き継ぎます。
register-check-digit = 事業所番号の最後の数字（チェックデジット）が、計算上の「{ $expected }」と合いません。正しい番号でも合わない場合があります。念のため、番号をご確認ください。登録はそのまま行いました。
step-heading = 手順 { $n }/{ $total }：{ $title }
step-ref = 手順 { $n }/{ $total }「{ $title }」
steps-complete-title = すべての手順が完了しました
label-what = すること
label-need = 必要なもの
label-receive = 受け取るもの・結果
label-time = かかる期間
label-missing = 困ったとき
next-task = 次にすること：{ $task }。終わったら /done と入力してください。
next-waiting = { $what }です（{ $since }から{ $days }日経過）。
next-waiting-agent = { $what }です（{ $since }から{ $days }日経過）。
next-pointer = 今は{ $step }です。内容は /next で確認できます。
next-pointer-complete = すべての手順が完了しています。
button-done = 完了にする
button-progress = 進み具合
button-contact = 問合せ先
button-next = 次の手順

## 完了・取り消し・進み具合
done-task = ☑ 完了にしました：{ $task }（{ $date }）
done-now-waiting = ⏳ 今は、{ $what }です。
done-next-step = 次は{ $step }です。詳しくは /next で確認できます。
done-already = すでに完了しています：{ $task }（{ $date }）。何も変更していません。
progress-count = 進み具合：{ $total }手順中 { $done }手順完了（{ $percent }%）{ $bar }
undo-task = 完了を取り消しました：{ $task }
undo-mode = 請求方法を「{ $mode }」に戻しました。
undo-update = 登録内容を元に戻しました（事業所名：{ $name }）。
progress-title = 「{ $name }」（事業所番号 { $number }、{ $mode }）の進み具合
progress-item-done = { $step }（{ $date } 完了）
progress-item-waiting = { $step }（{ $what }、{ $since }から{ $days }日経過）
progress-item-todo = { $step }
progress-item-na = { $step }（不要）
progress-item-agent = { $step }：代理人「{ $agent }」が行います
progress-item-agent-unnamed = { $step }：代理人が行います
progress-item-agent-done = { $step }：代理人「{ $agent }」が{ $date }に完了
progress-item-agent-waiting = { $step }（代理人「{ $agent }」：{ $what }、{ $since }から{ $days }日経過）
progress-item-vendor = { $step }：業者の担当です（事業所で必要なことは、{ $vendor }にご確認ください）
progress-item-offices = { $step }（{ $offices }事業所中 { $received }事業所でお知らせ受領）
progress-title-agent-office = 「{ $name }」（事業所番号 { $number }、{ $mode }、代理人「{ $agent }」）の進み具合
progress-registered = 登録日：{ $date }　最終更新：{ $updated }
mode-changed = 請求方法を「{ $mode }」に変更しました。完了済みの手順はそのまま残ります。
mode-left-agent = 代理人「{ $agent }」の事業所から外れました。
register-agent-created = 代理人「{ $agent }」を登録しました。このチャンネルは代理人のチャンネルです。
register-agent-channel-moved =
    代理人「{ $agent }」を登録しました。
    このチャンネルは、代理人「{ $agent }」のチャンネルになりました。
register-agent-bound = 代理人「{ $agent }」をこのチャンネルに結び付けました。進み具合はそのまま引き継ぎます。
register-agent-office = 「{ $name }」（事業所番号 { $number }）を、代理人「{ $agent }」の事業所として登録しました（{ $offices }事業所）。
done-now-waiting-office = ⏳ 「電子請求登録結果に関するお知らせ」が届いたら、/done office:{ $number } と入力してください。
done-task-office = ☑ { $office }の「{ $task }」を完了にしました（{ $date }）。
done-already-office = { $office }の「{ $task }」はすでに完了しています（{ $date }）。何も変更していません。
undo-task-office = { $office }の「{ $task }」の完了を取り消しました。
undo-task-office-gone = { $office }の「{ $task }」は、その後に変更されていたため、そのままにしました。

## 問合せ先
contact-for-step = 現在の手順「{ $step }」についての問合せ先です。
contact-intro = 問合せ先です。
contact-label-name = 問合せ先
contact-label-tel = TEL
contact-label-fax = FAX
contact-label-email = メール
contact-label-url = URL
contact-label-note = 備考
contact-line = { $label }：{ $value }

## 質問への回答
answer-none = この質問にお答えできるFAQが見つかりませんでした。下の窓口へお問合せいただくか、言い方を変えてもう一度お試しください。質問はサポート担当者にも共有されます。
answer-off-scope = このご質問は、インターネット請求を始める手続きのこと（届出、電子証明書、介護電子請求受付システムなど）ではないようです。このボットがご案内できるのは、その手続きだけです。インターネット請求のことでしたら、下の窓口へお問合せください。質問はサポート担当者にも共有されます。
answer-did-you-mean = もしかして、次の質問ですか？

## ヘルプ
help-title = 使い方
help-text =
    /next 今やる手順を表示します
    /done 今の手順（または step: で指定した手順や作業）を完了にします
    /undo 直前の変更を取り消します
    /progress 進み具合を表示します
    /contact 問合せ先を表示します（topic: で指定もできます）
    /mode 請求方法を変更します（事業所請求・代理請求・業者による請求代行）
    /faq 質問します。チャンネルに質問を書き込むだけでも答えます
    /register 事業所を登録します（例：/register 1370100016 〇〇介護事業所）
    /register の mode: 請求方法（事業所請求・代理請求・代行。例：/register 1370100016 〇〇介護事業所 mode:代行）
    /register の agent: 代理請求の代理人の名前（代理人のチャンネルでは省略できます）
    /done office: 代理人のチャンネルで、事業所の届出を完了にします（office: 事業所番号）
    /certificate 電子証明書の有効期限を表示します（expires: で記録します）
    /fix-number 間違えて登録した事業所番号を訂正します（number: 正しい番号）
    /ask-staff サポート担当者に質問を送ります（question: 質問）
    コマンドは日本語でも入力できます（/次へ、/完了、/進み具合、/取り消し、/問合せ先）。
    「届出を出しました」のように書き込むと、確認してから完了にします。
help-staff =
    サポート担当者用：
    /summary 全事業所の進み具合
    /unanswered 答えられなかった質問
    /backup 動いているボットのバックアップ
    /history 事業所の変更履歴（office: 事業所番号）
    /fix-number 事業所番号の訂正（number: 正しい番号、office: 今の番号）
    /archive 事業所を一覧から外す（office: 事業所番号）。/unarchive で戻す
    /progress office: 事業所の進み具合（事業所番号か事業所名）
    /inbox 返事待ちの質問（id: で1件を詳しく）
    /reply 質問に返事（id: 受付番号、text: 内容）
    /close 質問を閉じる（id: 受付番号）
    /teach 返事をFAQに追加（id: 受付番号、または question: と answer:）
    /taught 追加したFAQの一覧（/forget id: で削除）

## サポート担当者向け
summary-title = 全事業所の進み具合
summary-totals = 登録 { $total }事業所、完了 { $completed }、国保連合会待ち { $waiting }、停滞 { $stalled }
summary-step-line = { $step }：{ $count }事業所 { $bar }
summary-attention = 手続き中の事業所（今の手順にいる日数の長い順、{ $page }/{ $pages }ページ）：
summary-office-waiting = ⏳ { $name }（{ $number }）{ $step }：{ $days }日待っています（{ $since }から）{ $stalled ->
        [yes] ⚠停滞
       *[no] {""}
    }
summary-office-stalled = { $name }（{ $number }）{ $step }：{ $days }日経過（{ $since }から変化なし）{ $stalled ->
        [yes] ⚠停滞
       *[no] {""}
    }
summary-agents = 代理人ごとの進み具合（{ $agents }代理人）：
summary-agent-line = 代理人「{ $agent }」：代理人の手順 { $total }手順中 { $done }手順完了（{ $step }）、届出 { $offices }事業所中 { $received }事業所でお知らせ受領{ $archived ->
    [0] {""}
   *[other] （ほかにアーカイブ中 { $archived }事業所）
}
summary-agent-pending = お知らせ待ち・届出前：{ $offices }{ $more ->
    [0] {""}
   *[other] 、ほか{ $more }事業所
}
summary-agents-more = ほか{ $count }代理人（summary --format csv の agent 列でも確認できます）
summary-agent-step = { $step }（代理人「{ $agent }」）
unanswered-title = 答えられなかった質問（多い順）
unanswered-none = 答えられなかった質問はありません。
unanswered-line = 「{ $text }」{ $count }回（最新 { $date }）{ $who }
unanswered-office = { $name }（{ $number }）
unanswered-offices-2 = { $a }、{ $b }
unanswered-offices-more = { $a }、{ $b }ほか{ $more }事業所
unanswered-channel = 事業所の登録がないチャンネル { $channel }
unanswered-nobody = {""}
unanswered-answered-now = 今はFAQで答えられるようになった質問 { $count }件は除いています。
unanswered-skipped = あいさつやお礼など { $count }件は除いています。
unanswered-hint =
    答えを /teach question:質問 answer:回答 で追加すると、次からボットが答えます。
    今あるFAQの言い方として足すときは、answer: の代わりに faq: を使います。
history-title = 「{ $name }」（{ $number }）の変更履歴
history-line = #{ $seq } { $date } { $who }：{ $what }
history-registered = 登録（{ $name }、{ $mode }）
history-updated = 登録内容の更新（{ $name }、{ $mode }）
history-task-done = 完了：{ $task }
history-mode = 請求方法を変更（{ $from } → { $to }）
history-undo = #{ $seq } を取り消し
history-bound = チャンネル { $channel } に結び付け
history-agent-registered = 代理人の登録（{ $name }）
history-office-task-done = 事業所 { $number } の「{ $task }」を完了
history-title-agent = 代理人「{ $agent }」の変更履歴

## 全事業所のグラフ（/summary に添付する PNG）。文字を足したら assets/fonts/subset.sh を実行
chart-title-steps = 手順ごとの事業所数（全{ $total }事業所）
chart-title-weeks = 週ごとの完了数（直近{ $weeks }週）
chart-step-environment = 動作環境
chart-step-notify = 開始の届出
chart-step-proxy-application = 代理人申請
chart-step-login = ログイン
chart-step-certificate = 電子証明書
chart-step-installer = インストーラ
chart-step-software = 請求ソフト
chart-step-done = 完了
chart-count = { $count }
chart-weeks-ago = { $weeks }週前
chart-this-week = 今週

## エラー
error-not-registered = このチャンネルには事業所が登録されていません。
error-number-empty = 事業所番号を入力してください（10桁）。
error-number-length = 事業所番号は10桁です（入力されたのは{ $len }桁）。番号をご確認ください。
error-number-char = 事業所番号に使えない文字「{ $char }」が含まれています。
error-number-prefecture = 事業所番号の最初の2桁（都道府県番号「{ $pref }」）が01～47ではありません。
error-number-kind = 事業所番号の3桁目「{ $char }」は使えません（数字、またはI・O・Q以外の英大文字）。
error-unknown-command = 「/{ $cmd }」というコマンドはありません。/help で使い方を確認できます。
error-unknown-command-meant = 「/{ $cmd }」というコマンドはありません。/{ $meant } のことですか？
error-unknown-option = /{ $cmd } に「{ $opt }」という項目はありません。/help で使い方を確認できます。
error-missing-option = /{ $cmd } には { $opt }: の入力が必要です。
error-duplicate-option = { $opt }: が2回入力されています。
error-unterminated-quote = 引用符（"）が閉じられていません。
error-empty = コマンドが空です。/help で使い方を確認できます。
error-bad-mode = 請求方法「{ $mode }」はありません。事業所請求、代理請求、業者による請求代行 から選んでください。
error-unknown-step = 手順「{ $step }」はありません。手順の名前（例：電子証明書）か番号で指定してください。/progress で手順の一覧を確認できます。
error-step-not-applicable = 「{ $step }」はこの事業所の請求方法では不要です。
error-step-done = 「{ $step }」はすでに完了しています。取り消すときは /undo と入力してください。
error-task-earlier-open = まだ完了していない作業があります：{ $first }。先にこちらを /done で完了にしてください。
error-all-done = すべての手順が完了しています。/progress で確認できます。
error-nothing-to-undo = 取り消せる変更はありません。
error-staff-only = このコマンドはサポート担当者だけが使えます。
error-channel-bound = このチャンネルには別の事業所（{ $number }）が登録されています。変更はサポート担当者にご依頼ください。
error-number-bound = 事業所番号 { $number } は別のチャンネルで登録されています。そのチャンネルをお使いいただくか、サポート担当者にご依頼ください。
error-office-needs-staff = 事業所番号 { $number } はすでに登録されています。このチャンネルで使うには、サポート担当者にご依頼ください。何も変更していません。
error-empty-name = 事業所名を入力してください。
error-too-long = 入力が長すぎます（{ $max }文字まで）。
error-same-mode = 請求方法はすでに「{ $mode }」です。
error-unknown-office = 事業所番号 { $number } は登録されていません。
error-unknown-topic = 問合せ先「{ $topic }」はありません。受付システム、伝送ソフト、国保連合会、請求ソフト、代行業者 から選んでください。
error-empty-question = 質問を入力してください。
error-rate-limited = 短い時間に多くの操作がありました。{ $seconds }秒ほど待ってから、もう一度お試しください。
error-internal = 申し訳ありません。処理中に問題が起きました。少し待ってからもう一度お試しください。続く場合はサポート担当者にお知らせください。
error-config = 設定ファイルを読み込めません：{ $detail }
error-start = 起動できません：{ $detail }

## 設定ファイルの誤り（値は表示しない：トークンが書かれていることがあるため）
config-at = { $path } { $line }行目{ $column }文字目
config-at-file = { $path }
config-read = { $path }：{ $error }
config-not-utf8 = { $path }：UTF-8 ではない文字があります（{ $byte }バイト目から）
config-syntax = { $at }：TOML として読めません（引用符、括弧、「=」を確かめてください）
config-duplicate-key = { $at }：キー { $key } が2回書かれています
config-duplicate-key-hidden = { $at }：同じキーが2回書かれています
config-unknown-key = { $at }：{ $key } というキーはありません
config-unknown-key-allowed = { $at }：{ $key } というキーはありません（使えるキー：{ $allowed }）
config-unknown-key-hidden = { $at }：知らないキーがあります（設定の名前に見えないので表示しません）
config-bad-value = { $at }：{ $key } の値が正しくありません。{ $expected }
config-bad-value-hidden = { $at }：値が正しくありません。{ $expected }
config-missing-key = { $at }：[{ $table }] に { $key } がありません
config-prefecture = { $at }：[kokuhoren."{ $key }"] のキーは都道府県番号（01～47）にします
config-expect-integer = 0 以上の整数を書きます（引用符なし）。
config-expect-text = 文字列を "…" で囲んで書きます。
config-expect-bool = true か false を書きます。
config-expect-list = [ ] で囲んだリストを書きます。
config-expect-table = 表（[名前] の下にキー = 値）として書きます。
config-expect-locale = ja か en を書きます。
config-expect-other = 同梱の bot.toml の書き方と見比べてください。

## コンソール
console-welcome = seikyu-navi コンソール（チャンネル：{ $channel }）。/help で使い方、Ctrl+D で終了します。
console-no-token = DISCORD_TOKEN が設定されていないため、コンソールで起動します。
console-actions = 操作：{ $actions }
console-action = { $command }（{ $label }）

## check
check-config = 設定ファイル：{ $detail }
check-locales = 文言ファイル：{ $detail } OK
check-data = データディレクトリ：{ $detail }事業所
check-ok = 問題はありません。
check-problem = 問題：{ $detail }
error-discord = Discord との接続が終了しました：{ $detail }

## Discord のスラッシュコマンド（値は説明、.name は日本語の名前）
cmd-register = 事業所をこのチャンネルに登録します
    .name = 登録
cmd-next = 今やる手順を表示します
    .name = 次の手順
cmd-done = 今の手順を完了にします
    .name = 完了
cmd-undo = 直前の変更を取り消します
    .name = 取り消し
cmd-progress = 進み具合を表示します
    .name = 進み具合
cmd-faq = よくある質問から答えを探します
    .name = 質問
cmd-contact = 問合せ先を表示します
    .name = 問合せ先
cmd-mode = 請求方法を変更します
    .name = 請求方法
cmd-help = 使い方を表示します
    .name = ヘルプ
cmd-summary = 全事業所の進み具合（サポート担当者用）
    .name = 集計
cmd-unanswered = 答えられなかった質問（サポート担当者用）
    .name = 未回答
cmd-history = 事業所の変更履歴（サポート担当者用）
    .name = 履歴
opt-register-number = 介護保険事業所番号（10桁）
    .name = 事業所番号
opt-register-name = 事業所名
    .name = 事業所名
opt-register-mode = 請求方法
    .name = 請求方法
opt-register-software = お使いの請求ソフト（例：国保中央会介護伝送ソフト）
    .name = 請求ソフト
opt-done-step = 完了にする手順または作業（省略すると今の手順）
    .name = 手順
opt-done-office = 代理人のチャンネルで、届出を完了にする事業所の事業所番号
    .name = 事業所番号
opt-register-agent = 代理請求の代理人の名前（代理人のチャンネルでは省略できます）
    .name = 代理人
opt-faq-question = 質問
    .name = 質問
opt-contact-topic = 問合せの内容
    .name = 内容
opt-mode-mode = 新しい請求方法
    .name = 請求方法
opt-history-office = 事業所番号（省略するとこのチャンネルの事業所）
    .name = 事業所番号
choice-mode-direct = 事業所請求
choice-mode-proxy = 代理請求
choice-mode-vendor = 業者による請求代行
choice-topic-reception = 介護電子請求受付システムについて
choice-topic-denso = 国保中央会介護伝送ソフトについて
choice-topic-kokuhoren = 届出について（国保連合会）
choice-topic-software = 請求ソフトについて
choice-topic-vendor = 請求代行業者について

## リマインダー
reminder-stalled = { $days }日間、進み具合に変化がありません。今の手順をもう一度ご案内します。終わっていたら /done と入力してください。
reminder-certificate-pending = 電子証明書の発行申請から{ $days }日が経ちました（{ $since }に申請）。通常は数日で発行されます。まだの場合は、下の問合せ先へお問合せください。届いていたら /done と入力してください。
reminder-notice-pending =
    国保連合会に届出を提出してから{ $days }日が経ちました（{ $since }に提出）。
    「電子請求登録結果に関するお知らせ」がまだ届いていない場合は、下の国保連合会へお問合せください。
    届出から請求ができるようになるまで、1ヶ月程度かかります（国保連合会によって異なります）。
    届いていたら /done と入力してください。
reminder-certificate-expiry = 電子証明書の有効期限（{ $date }）まで、あと{ $days }日です。
reminder-certificate-renewal =
    更新は、介護電子請求受付システムにログインし、[証明書]メニューから証明書発行用パスワードを使って新たに発行申請します。
    国保連合会からも、有効期限の約90日前に通知が届きます。
    期限が切れると新規の発行（1ヶ月程度）となり、その間はインターネット請求ができません。
    更新の通知や手順は、都道府県の国保連合会によって異なる場合があります。

summary-recent = 最近完了した事業所：
summary-office-completed = ☑ { $name }（{ $number }）{ $date } 完了
button-previous = 前へ
button-more = 次へ
error-bad-page = ページ「{ $page }」は正しくありません（1以上の数字）。
error-page-out-of-range = { $pages ->
        [1] { $page }ページ目はありません。手続き中の事業所の一覧は1ページだけです。/summary で表示できます。
       *[other] { $page }ページ目はありません。手続き中の事業所の一覧は全{ $pages }ページです。/summary page:{ $pages } のように、1～{ $pages } で指定してください。
    }
error-empty-agent-name = 代理人の名前を入力してください。
error-agent-needs-proxy = 代理人の事業所の請求方法は代理請求です。「{ $mode }」は選べません。
error-channel-is-agents =
    このチャンネルは代理人「{ $agent }」のチャンネルです。
    ここで登録する事業所は、「{ $agent }」の事業所になります（agent: は省略できます）。
error-unknown-agent =
    代理人「{ $agent }」は登録されていません。
    代理人用の新しいチャンネルで、/register number:（事業所番号） name:（事業所名） agent:{ $agent } と入力すると、代理人とその事業所を登録できます。
error-agent-bound = 代理人「{ $agent }」は別のチャンネルで登録されています。事業所の登録は、そのチャンネルで行ってください。
error-agent-needs-staff = 代理人「{ $agent }」はすでに登録されています。このチャンネルで使うには、サポート担当者にご依頼ください。何も変更していません。
error-number-linked = 事業所番号 { $number } は、別の代理人の事業所として登録されています。変更はサポート担当者にご依頼ください。
error-agent-full =
    代理人「{ $agent }」には、すでに{ $max }事業所が登録されています。
    1つの電子証明書で請求できるのは、{ $max }事業所までです。
    ご不明な点は、介護電子請求受付システムヘルプデスク（TEL 0570-059-402）へお問合せください。
error-agent-channel-mode = このチャンネルは代理人「{ $agent }」のチャンネルです（代理請求）。請求方法は変更できません。
error-agent-all-done = 代理人の手順と、各事業所の届出は、すべて完了しています。/progress で確認できます。
error-which-office =
    どの事業所の届出かを、office: で指定してください。
    例：/done office:{ $number }
    事業所ごとの状況は /next で確認できます。
error-agent-no-offices = 代理人「{ $agent }」の事業所が登録されていません。先に /register で事業所を登録してください。
error-not-agents-office = 事業所番号 { $number } は、代理人「{ $agent }」の事業所として登録されていません。/progress で事業所の一覧を確認できます。
error-step-is-agents = 「{ $step }」は、代理人「{ $agent }」が行う手順です。代理人のチャンネルで完了にしてください。
error-step-is-agents-unnamed = 「{ $step }」は、代理人が行う手順です。この事業所で完了にするものではありません。
error-step-is-vendors = 「{ $step }」は、業者の担当です。事業所で必要なことは、代行する業者にご確認ください。
error-office-part-done = この事業所の手順はすべて完了しています。残りの準備は、代理人「{ $agent }」が行います。/progress で確認できます。
error-office-part-done-unnamed = この事業所の手順はすべて完了しています。残りの準備は、代理人が行います。/progress で確認できます。
error-channel-bound-proxy =
    このチャンネルには別の事業所（{ $number }）が登録されています。
    代理請求で複数の事業所をまとめるときは、代理人を登録します。
    /register number:{ $number } name:（事業所名） agent:（代理人の名前） と入力すると、このチャンネルが代理人のチャンネルになります。
    そのあと、ほかの事業所をこのチャンネルで登録できます。
error-office-option = office: は代理人のチャンネルで使います。このチャンネルの事業所の手順は、/done で完了にしてください。
error-console-option = --{ $opt } には、改行や制御文字を含まない1～{ $max }文字を指定してください。何も変更していません。
console-attachment = （添付ファイル：{ $name }、{ $bytes }バイト。Discord では画像やファイルとして届きます）
console-file-saved = ファイルを保存しました：{ $path }
console-file-failed = { $name } を { $dir } に保存できませんでした：{ $detail }
opt-summary-page = 待ち・停滞の一覧のページ（1から）
    .name = ページ
opt-summary-format = 添付するもの（グラフは常に添付）
    .name = 形式
choice-format-chart = グラフ（PNG）
choice-format-csv = グラフとCSV
error-no-discord = このプログラムは Discord 機能なしでビルドされています（cargo の discord 機能を有効にしてビルドしてください）。

## 日付と一覧
date = { $year }年{ $month }月{ $day }日
list-item = ・{ $text }
field-label = 【{ $label }】
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

## CLI のヘルプ
cli-about = 介護事業所のインターネット請求の開始を案内するボットです。
cli-run = DISCORD_TOKEN があれば Discord、無ければコンソールで起動します（既定）
cli-console = 端末からチャットします（1行に1つのコマンドか質問）
cli-ask = FAQ を1回引きます
cli-summary = 全事業所の進み具合を表示します
cli-check = bot.toml、文言ファイル、データディレクトリを検査します
cli-import = 名簿（CSV：number,name,mode,software,channel,agent）を取り込むか、書き出した JSON を空のデータディレクトリに復元します
cli-export = データベース全体を JSON で書き出します（標準出力、または --output のファイル）
cli-arg-config = 設定ファイル
cli-arg-data = データディレクトリ（bot.data_dir を上書き）
cli-arg-channel = チャンネル名（100文字まで）
cli-arg-user = 利用者名（100文字まで）
cli-arg-staff = サポート担当者として操作します
cli-arg-lang = 返信の言語（ja または en）
cli-arg-office = この事業所番号の事業所として問合せ先を案内します
cli-arg-json = 結果を1つの JSON で出力します
cli-arg-question = 質問
cli-arg-format = 出力形式
cli-arg-path = 取り込むファイル
cli-arg-output = 書き出すファイル

## The data directory: errors an operator or a user can act on
store-missing = データディレクトリ「{ $path }」が見つかりません。--data の指定（または bot.toml の data_dir）をご確認ください。このコマンドは新しいデータディレクトリを作りません。
store-foreign = 「{ $path }」には、データディレクトリではないファイルがあります。中身には触れていません。空のディレクトリか、既存のデータディレクトリを指定してください。
store-locked = データディレクトリ「{ $path }」は、別の seikyu-navi（動いているボットなど）が使っています。ボットを止めてから実行してください。ボットを止めずにバックアップを取るときは、サポート担当者がチャットで /backup を使います（bot.toml の [backup] の dir が必要です）。
store-full = ディスクの空きが足りないため保存できませんでした。この操作は保存されていません。空き容量を増やしてから、もう一度お試しください。
store-damaged = データディレクトリが壊れています（{ $detail }）。バックアップ（export で書き出した JSON）から復元してください。
store-newer-schema = このデータディレクトリは新しい版の seikyu-navi で作られています（形式 { $found }、この版が読めるのは { $supported } まで）。新しい版をお使いください。データはそのままです。
store-newer-record = この事業所の記録は新しい版の seikyu-navi で保存されています（記録の版 { $found }、この版が読めるのは { $supported } まで）。新しい版のボットを使うよう、サポート担当者にお知らせください。
store-contention = ほかの操作と重なったため保存できませんでした。もう一度お試しください。
store-other = データディレクトリを使えません：{ $detail }

## check: what the data directory holds
check-last-import = 最後の名簿取り込み：{ $detail }
check-last-restore = 最後の復元：{ $detail }
check-records = 記録：事業所 { $offices }件、履歴 { $events }件{ $agents ->
    [0] {""}
   *[other] 、代理人 { $agents }件
}、担当者への質問 { $handoffs }件、追加したFAQ { $taught }件。すべて読めて、つながりも正しいです。
check-interrupted = 中断された取り込みか復元の作業用ディレクトリが残っています（{ $detail }）。データディレクトリは中断前のままです。作業用ディレクトリは次の取り込みで削除されます。
verify-what-office = 事業所 { $number } の記録
verify-what-channel = チャンネルの登録
verify-what-history = 履歴の見出し
verify-what-event = 事業所 { $number } の履歴
verify-what-question = 未回答の質問の記録
verify-newer-record = { $what }は新しい版で保存されています（記録の版 { $found }、この版が読めるのは { $supported } まで）。新しい版の seikyu-navi をお使いください。
verify-unreadable = { $what }が読めません（{ $detail }）。バックアップから復元してください。
verify-office-key = 事業所の記録の見出し「{ $key }」と、記録の中の番号 { $number } が合いません。
verify-channel-no-office = チャンネル { $channel } が、登録のない事業所 { $number } に結び付いています。
verify-channel-mismatch = チャンネル { $channel } は事業所 { $number } に結び付いていますが、その事業所の記録は別のチャンネルを指しています。
verify-office-unbound = 事業所 { $number } の記録はチャンネル { $channel } を指していますが、そのチャンネルはこの事業所に結び付いていません。
verify-history-gap = 事業所 { $number } の履歴が抜けています（{ $expected } 番のところに { $found } 番があります）。
verify-history-short = 事業所 { $number } の履歴が { $events } 件目までしかありません（記録の版は { $revision }）。
verify-history-no-office = 登録のない事業所 { $number } の履歴があります。
verify-what-handoff = 担当者への質問 #{ $id } の記録
verify-what-taught = 追加したFAQ #{ $id } の記録
verify-handoff-key = 担当者への質問の見出し #{ $key } と、記録の中の番号 #{ $id } が合いません。
verify-thread-index = スタッフ用スレッド { $thread } の索引が、担当者への質問 #{ $id } と合いません。
verify-thread-unindexed = スタッフ用スレッドの索引に、質問の記録と合わないものが { $count } 件あります。
verify-more = ほかに { $count } 件の問題があります。
verify-what-agent = 代理人「{ $agent }」の記録
verify-agent-key = 代理人の記録の見出し「{ $key }」と、記録の中の見出し「{ $agent }」が合いません。
verify-agent-channel = チャンネル { $channel } と代理人「{ $agent }」の結び付きが合いません。
verify-what-agent-index = 代理人の事業所の索引
verify-office-agent = 事業所 { $number } は、登録のない代理人「{ $agent }」を指しています。
verify-agent-index = 事業所 { $number } と、代理人「{ $agent }」の事業所の索引が合いません。
check-data-empty = データディレクトリ：{ $detail }（空です。ボットの初回起動で作られます）

## Backups of the running bot
cmd-backup = 動いているボットのバックアップを書き出します（サポート担当者用）
    .name = バックアップ
backup-done = バックアップを書き出しました：{ $path }（事業所 { $offices }件）。復元は、ボットを止めて空のデータディレクトリに import で行います。
error-backup-not-configured = バックアップの保存先が設定されていません。bot.toml の [backup] に dir = "保存先" を書いて、ボットを起動し直してください。

## 電子証明書の有効期限（/certificate とリマインダー）
certificate-expires = 電子証明書の有効期限は{ $date }です（{ $days ->
        [0] 今日が最終日
       *[other] あと{ $days }日
    }）。
certificate-expires-from-issue = 電子証明書の有効期限は{ $date }です（{ $days ->
        [0] 今日が最終日
       *[other] あと{ $days }日
    }）。発行日（{ $issued }）から3年として計算した日付です。
certificate-expires-estimate = 電子証明書の有効期限は、{ $date }ごろの見込みです（{ $days ->
        [0] 今日が最終日
       *[other] あと{ $days }日
    }）。
certificate-lapsed = 電子証明書の有効期限（{ $date }）を過ぎています。
certificate-lapsed-estimate = 電子証明書の有効期限は、{ $date }ごろの見込みでした。この日を過ぎています。
certificate-estimate-why =
    この日付は目安です。証明書の申請かインストールを完了にした日（{ $since }）から、3年として計算しました。
    実際の有効期限とは違うことがあります。
certificate-check-exact = 正確な有効期限は、介護電子請求受付システムの[証明書]メニューで確認できます。
certificate-how =
    確認したら、/certificate expires:2029年11月23日 のように入力してください（日付は例です）。
    発行日で記録するときは、/certificate issued:2026年11月24日 のように入力します。
certificate-none = 電子証明書の有効期限は、まだ記録されていません。
certificate-recorded = 電子証明書の有効期限を記録しました。
certificate-recorded-issued = 電子証明書の発行日を記録しました。
certificate-unchanged = この日付は記録済みです。何も変更していません。
certificate-schedule = 有効期限の90日前、30日前、7日前に、このチャンネルでお知らせします。
certificate-schedule-estimate = 見込みの日付の180日前、90日前、30日前、7日前に、このチャンネルでお知らせします。
done-certificate-ask =
    電子証明書の有効期限を記録すると、期限が近づいたときに、このチャンネルでお知らせします。
    有効期限は[証明書]メニューで確認できます。確認したら、/certificate expires:2029年11月23日 のように入力してください（日付は例です）。
reminder-certificate-lapsed =
    更新が済んでいる場合は、新しい有効期限を /certificate expires: で記録してください。
    期限が切れた場合は、初めての発行と同じ手続き（1ヶ月程度）が必要です。その間はインターネット請求ができません。
    手続きや期間は、都道府県の国保連合会によって異なる場合があります。
undo-certificate = 電子証明書の日付の記録を、1つ前に戻しました。
history-certificate-expires = 電子証明書の有効期限を記録（{ $date }）
history-certificate-issued = 電子証明書の発行日を記録（{ $date }）
certificate-agent = 代理人「{ $agent }」の電子証明書（代理人の全事業所で1つ）です。
certificate-recorded-agent = 代理人「{ $agent }」の電子証明書の有効期限を記録しました。
certificate-recorded-issued-agent = 代理人「{ $agent }」の電子証明書の発行日を記録しました。
certificate-is-agents =
    この事業所の電子証明書は、代理人「{ $agent }」の電子証明書（代理人の全事業所で1つ）です。
    有効期限の記録とお知らせは、代理人のチャンネルで行います（代理人のチャンネルで /certificate と入力します）。
certificate-is-agents-unnamed =
    代理請求では、電子証明書は代理人が全事業所で1つ持ちます。
    有効期限の記録とお知らせは、代理人のチャンネルで行います（代理人のチャンネルで /certificate と入力します）。
error-certificate-is-agents = 電子証明書は代理人「{ $agent }」のもの（代理人の全事業所で1つ）です。有効期限は、代理人のチャンネルで /certificate と入力して記録してください。何も変更していません。
error-certificate-is-agents-unnamed = 代理請求では、電子証明書は代理人が全事業所で1つ持ちます。有効期限は、代理人のチャンネルで /certificate と入力して記録してください。何も変更していません。
error-bad-date = 日付「{ $date }」を読み取れません。2029年11月23日、令和11年11月23日、2029-11-23 のように入力してください。
error-issued-in-future = 発行日が今日より後になっています。日付をご確認ください。何も変更していません。
error-expiry-too-far = 有効期限が、今日から3年より先になっています。電子証明書の有効期間は3年間です。日付をご確認ください。何も変更していません。
error-expiry-before-issue = 有効期限が発行日より前になっています。日付をご確認ください。何も変更していません。
cmd-certificate = 電子証明書の有効期限を表示・記録します
    .name = 電子証明書
opt-certificate-expires = [証明書]メニューに表示される有効期限（例：2029年11月23日）
    .name = 有効期限
opt-certificate-issued = 電子証明書の発行日（例：2026年11月24日）
    .name = 発行日

## 事業所番号の訂正とアーカイブ
fix-number-done =
    事業所番号を { $from } から { $to } に訂正しました（{ $name }）。
    進み具合と変更履歴は、そのまま引き継いでいます。
register-fix-hint = 番号を間違えた場合は、登録から{ $days }日以内なら /fix-number number:正しい番号 で訂正できます。
error-channel-bound-fixable =
    このチャンネルには、事業所番号 { $number } が登録されています。
    番号を間違えて登録した場合は、/fix-number number:{ $new } で訂正できます。
    別の事業所を登録するときは、その事業所のチャンネルをお使いください。
error-fix-number-late = 登録から{ $days }日を過ぎているため、事業所番号の訂正はサポート担当者にご依頼ください。何も変更していません。
error-number-taken = 事業所番号 { $number } は、すでに登録されています。訂正はサポート担当者にご依頼ください。何も変更していません。
error-same-number = 事業所番号はすでに { $number } です。何も変更していません。
archive-done =
    「{ $name }」（{ $number }）をアーカイブしました。
    全事業所の進み具合、ダッシュボード、リマインダーの対象から外れます。記録と変更履歴は残ります。
    戻すときは /unarchive office:{ $number } と入力してください。
unarchive-done =
    「{ $name }」（{ $number }）のアーカイブを解除しました。
    全事業所の進み具合とリマインダーの対象に戻ります。
error-archived = 事業所番号 { $number } はアーカイブされています（全事業所の一覧から外れています）。再開するときは、サポート担当者にご依頼ください。
error-not-archived = 事業所番号 { $number } はアーカイブされていません。何も変更していません。
summary-archived = アーカイブ中の事業所：{ $count }事業所（この集計には含みません。戻すときは /unarchive office:事業所番号）
history-number-corrected = 事業所番号を訂正（{ $from } → { $to }）
history-archived = アーカイブ
history-unarchived = アーカイブを解除
cmd-fix-number = 間違えて登録した事業所番号を訂正します
    .name = 番号訂正
opt-fix-number-number = 正しい介護保険事業所番号（10桁）
    .name = 正しい番号
opt-fix-number-office = 訂正する事業所の今の番号（サポート担当者用）
    .name = 事業所番号
cmd-archive = 事業所を全事業所の一覧から外します（サポート担当者用）
    .name = アーカイブ
opt-archive-office = 事業所番号（省略するとこのチャンネルの事業所）
    .name = 事業所番号
cmd-unarchive = アーカイブした事業所を一覧に戻します（サポート担当者用）
    .name = アーカイブ解除
opt-unarchive-office = 事業所番号（省略するとこのチャンネルの事業所）
    .name = 事業所番号

## 担当者への質問（/ask-staff）と、サポート担当者の受付箱（/inbox、/reply、/close）
button-ask-staff = 担当者に聞く
answer-ask-staff = サポート担当者から返事がほしいときは、「担当者に聞く」（/ask-staff）を使ってください。返事はこのチャンネルに届きます。
handoff-asked = サポート担当者に質問を送りました（受付番号 #{ $id }）。
handoff-asked-already = この質問は、すでにサポート担当者に届いています（受付番号 #{ $id }）。
handoff-asked-next =
    返事は、このチャンネルにお届けします。
    急ぎの場合は、/contact で問合せ先を確認できます。
handoff-label-question = ご質問
handoff-label-the-question = 質問
handoff-label-office = 事業所
handoff-label-step = 今の手順
handoff-label-asked = 質問した人
handoff-text = { $text }
handoff-line = { $label }：{ $value }
handoff-office = { $name }（{ $number }）
handoff-office-mode = { $office }、{ $mode }
handoff-channel = チャンネル { $channel }
handoff-step = { $step }（{ $since }から、{ $days }日経過）
handoff-step-waiting = ⏳ { $step }：届くのを待っています（{ $since }から、{ $days }日経過）
handoff-asked-by = { $who }（{ $date }、チャンネル { $channel }）
handoff-title = 担当者への質問 #{ $id }（{ $state }）
handoff-state-open = 返事待ち
handoff-state-answered = 返事済み
handoff-state-closed = 完了
handoff-recent = 最近のやりとり（古い順）：
handoff-exchange = 「{ $said }」→ { $answered }
handoff-exchange-unanswered = 「{ $said }」→ FAQで答えられませんでした
handoff-replies = これまでの返事：
handoff-reply-line = { $date } { $who }：{ $text }
handoff-reply-line-pending = { $date } { $who }：{ $text }（まだ届いていません）
handoff-how =
    返事は /reply id:{ $id } text:返事の内容 で送れます。
    終わったら /close id:{ $id } で閉じてください。
handoff-how-thread =
    このスレッドに書き込むと、事業所のチャンネルに届きます（/reply id:{ $id } でも送れます）。
    終わったら /close id:{ $id } で閉じてください。
inbox-title = 返事待ちの質問（{ $count }件、古い順）
inbox-none = 返事待ちの質問はありません。
inbox-line = #{ $id } { $who }　{ $days ->
        [0] 今日
       *[other] { $days }日前
    }　「{ $question }」
inbox-more = ほかに { $count }件あります。
inbox-answered = 返事済みで、まだ閉じていない質問が { $count }件あります。
inbox-how =
    詳しく見るには /inbox id:番号 と入力します。
    返事は /reply id:番号 text:返事の内容 で送れます。
delivery-title = サポート担当者からの返事（受付番号 #{ $id }）
delivery-from = ― サポート担当者 { $who }（{ $date }）
delivery-more = 続けて質問するときは、/ask-staff question:質問の内容 と入力してください。
reply-recorded = #{ $id } { $who }に返事を記録しました。
reply-delivery = 事業所のチャンネルに届けます。コンソールでは、その事業所が次に書き込んだときに表示されます。
reply-next =
    終わったら /close id:{ $id } で閉じてください。
    この返事をFAQに加えるには /teach id:{ $id } と入力します。
close-done = #{ $id } { $who }を閉じました。
close-already = #{ $id } { $who }はすでに閉じています。何も変更していません。
error-no-question = 担当者に送る質問がありません。質問を書いてください。例：/ask-staff question:返戻の連絡が来たらどうすればいいですか
error-too-many-open = このチャンネルには、返事待ちの質問がすでに{ $max }件あります。返事が届くまでお待ちください。
error-bad-request-id = 「{ $id }」は受付番号ではありません。/inbox に出ている番号（例：3）を入力してください。
error-unknown-request = 受付番号 #{ $id } の質問はありません。/inbox で確認できます。

## サポート担当者が追加したFAQ（/teach、/taught、/forget）
taught-question = { $question }（サポート担当者が追加）
taught-mark = ※ この回答は、このボットのサポート担当者が追加したものです（{ $date }）。公式の案内ではありません。
teach-entry = FAQに追加しました（#{ $id }）：「{ $question }」
teach-phrasing = 「{ $question }」を、FAQ「{ $target }」の言い方として追加しました（#{ $id }）。
teach-next =
    同じ質問には、これからこの回答でお答えします。
    取り消すには /forget id:{ $id } と入力します。
taught-title = サポート担当者が追加したFAQ（{ $count }件）
taught-none = 追加したFAQはまだありません。/teach で追加できます。
taught-line = #{ $id } 「{ $question }」→ { $answer }（{ $who }、{ $date }）
taught-line-phrasing = #{ $id } 「{ $question }」→ FAQ「{ $target }」の言い方（{ $who }、{ $date }）
taught-how = 削除するには /forget id:番号 と入力します。
forget-done = 追加したFAQ #{ $id }（「{ $question }」）を削除しました。
forget-done-phrasings = この項目に付けた言い方 { $count }件も削除しました。
error-teach-what = /teach には、id:（返事をした質問の受付番号）か、question: と answer: が必要です。今あるFAQに言い方を足すときは、answer: の代わりに faq: を使います。
error-teach-no-answer = #{ $id } にはまだ返事がありません。answer: で回答を書くか、先に /reply で返事をしてください。
error-teach-both = answer: と faq: は一緒に使えません。新しい回答なら answer:、今あるFAQの言い方なら faq: を使ってください。
error-unknown-faq = 「{ $faq }」というFAQはありません。/taught の番号、FAQの質問の文、またはFAQの名前（例：certificate-fee）を指定してください。
error-unknown-taught = 追加したFAQ #{ $id } はありません。/taught で確認できます。

## サポート担当者が見る事業所（/progress office:、/history office:）
error-office-ambiguous = 「{ $query }」に当てはまる事業所が複数あります（{ $list }）。事業所番号で指定してください。
error-office-not-found = 「{ $query }」に当てはまる事業所はありません。事業所番号か、事業所名の一部を入力してください。
error-office-needed = このチャンネルには事業所が登録されていません。office: で事業所番号か事業所名を指定してください。
cmd-ask-staff = サポート担当者に質問を送ります
    .name = 担当者に質問
opt-ask-staff-question = 質問（省略すると、答えられなかった直前の質問）
    .name = 質問
cmd-inbox = 返事待ちの質問（サポート担当者用）
    .name = 受付箱
opt-inbox-id = 受付番号（1件を詳しく見るとき）
    .name = 受付番号
cmd-reply = 質問に返事をします（サポート担当者用）
    .name = 返事
opt-reply-id = 受付番号
    .name = 受付番号
opt-reply-text = 返事の内容
    .name = 内容
cmd-close = 質問を閉じます（サポート担当者用）
    .name = 質問を閉じる
opt-close-id = 受付番号
    .name = 受付番号
cmd-teach = 返事をFAQに加えます（サポート担当者用）
    .name = faqに追加
opt-teach-id = 返事をした質問の受付番号
    .name = 受付番号
opt-teach-question = 質問の文
    .name = 質問
opt-teach-answer = 回答の文
    .name = 回答
opt-teach-faq = 言い方を足すFAQ（質問の文、名前、または /taught の番号）
    .name = 既存のfaq
cmd-taught = 追加したFAQの一覧（サポート担当者用）
    .name = 追加したfaq
cmd-forget = 追加したFAQを削除します（サポート担当者用）
    .name = faqを削除
opt-forget-id = /taught の番号
    .name = 番号
opt-progress-office = 事業所番号か事業所名（サポート担当者用）
    .name = 事業所
