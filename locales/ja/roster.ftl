## 名簿の取り込み（import）、書き出し（export）、復元

roster-line = { $line }行目：{ $message }

roster-error-empty = ファイルが空です。1行目に見出し number,name,mode,software,channel を書いてください。
roster-error-header-missing = 見出し行に「{ $column }」の列がありません。見出しは number,name,mode,software,channel,agent です（software、channel、agent は省略できます）。
roster-error-header-unknown = 見出し行の「{ $column }」は使えない列名です。使える列名は number,name,mode,software,channel,agent です。
roster-error-header-duplicate = 見出し行に「{ $column }」の列が2つあります。
roster-error-columns = 項目の数が{ $found }個です。見出しと同じ{ $expected }個にしてください。
roster-error-utf8 = 文字コードが UTF-8 ではない文字があります。ファイルを UTF-8 で保存し直してください。
roster-error-number-empty = 事業所番号（number）が空です。
roster-error-number-length = 事業所番号「{ $value }」は10桁ではありません（{ $len }桁）。
roster-error-number-char = 事業所番号「{ $value }」に使えない文字「{ $char }」があります。
roster-error-number-prefecture = 事業所番号「{ $value }」の最初の2桁（都道府県番号「{ $pref }」）が01～47ではありません。
roster-error-number-kind = 事業所番号「{ $value }」の3桁目「{ $char }」は使えません（数字、またはI・O・Q以外の英大文字）。
roster-error-name-empty = 事業所名（name）が空です。
roster-error-name-long = 事業所名が長すぎます（{ $max }文字まで）。
roster-error-mode-empty = 請求方法（mode）が空です。direct（事業所請求）、proxy（代理請求）、vendor（代行）のいずれかを書いてください。
roster-error-mode = 請求方法「{ $mode }」はありません。direct（事業所請求）、proxy（代理請求）、vendor（代行）のいずれかを書いてください。
roster-error-software-long = 請求ソフト名（software）が長すぎます（{ $max }文字まで）。
roster-error-channel-long = チャンネル（channel）が長すぎます（{ $max }文字まで）。
roster-error-agent-long = 代理人の名前（agent）が長すぎます（{ $max }文字まで）。
roster-error-agent-mode = 代理人（agent）は、請求方法が代理請求（proxy）の事業所にだけ書けます。
roster-error-agent-full = 代理人「{ $agent }」の事業所が{ $max }を超えます（1つの電子証明書で{ $max }事業所まで）。
roster-error-channel-agent = チャンネル { $channel } は代理人「{ $agent }」のチャンネルです。事業所のチャンネルにはできません。
roster-error-duplicate-number = 事業所番号 { $number } は{ $first }行目にもあります。1つにまとめてください。
roster-error-duplicate-channel = チャンネル { $channel } は{ $first }行目の別の事業所にも指定されています。1つのチャンネルには1つの事業所だけを結び付けられます。
roster-error-channel-bound = チャンネル { $channel } には、すでに別の事業所（{ $number }）が結び付いています。その事業所を名簿で別のチャンネルに移すか、チャンネルを変えてください。
roster-error-csv = CSV として読めません：{ $detail }
roster-error-read = ファイルを読み込めません：{ $detail }
roster-error-store = データディレクトリに書き込めません：{ $detail }

roster-warning-check-digit = 事業所番号 { $number } の最後の数字（チェックデジット）が、計算上の「{ $expected }」と合いません。正しい番号でも合わない場合があります。念のため、番号をご確認ください。取り込みはそのまま行いました。

roster-failed = { $count }件の誤りがあるため、取り込みを中止しました。データは何も変更していません。ファイルを直して、もう一度実行してください。
roster-imported = { $total }件を取り込みました（新規 { $created }、更新 { $updated }、変更なし { $unchanged }）。
roster-agents-created =
    名簿の代理人を{ $count }件登録しました（チャンネルなし）。
    代理人のチャンネルは、サポート担当者がそのチャンネルで /register number:（代理人の事業所の番号） name:（事業所名） agent:（代理人の名前） と入力して結び付けます。
roster-check-digit-count = { $count }件の事業所番号でチェックデジットが計算と合いません。正しい番号でも合わない場合があります。念のため、番号をご確認ください。
roster-progress-check = 確認中
roster-progress-write = 書き込み中
roster-progress-restore-check = バックアップを確認中
roster-progress-restore-write = バックアップを復元中

roster-restored = バックアップから復元しました（事業所 { $offices }件、チャンネル { $channels }件、履歴 { $history }件、未回答の質問 { $unanswered }件、送信済みのリマインダー { $reminders }件、担当者への質問 { $handoffs }件、追加したFAQ { $taught }件）。
roster-restore-not-empty = このデータディレクトリにはすでにデータがあります（事業所 { $offices }件）。復元は空のデータディレクトリにだけ行えます。--data で新しいディレクトリを指定してください。何も変更していません。
roster-restore-json = バックアップファイルの{ $line }行目{ $column }文字目が読めません：{ $detail }。何も変更していません。
roster-restore-no-schema = バックアップファイルに schema（データの版）がありません。export で書き出したファイルかご確認ください。
roster-restore-newer-schema = このバックアップは新しい版のプログラムで書き出されています（データの版 { $found }、このプログラムが読めるのは { $supported } まで）。新しい版のプログラムで復元してください。
roster-restore-newer-record = このバックアップには新しい版の記録があります（記録の版 { $found }、このプログラムが読めるのは { $supported } まで）。新しい版のプログラムで復元してください。
roster-restore-duplicate-office = 事業所番号 { $number } が2回出てきます。
roster-restore-duplicate-event = 事業所番号 { $number } の履歴 #{ $seq } が2回出てきます。
roster-restore-channel-unknown = チャンネル { $channel } の結び付け先 { $number } が、バックアップの事業所にありません。
roster-restore-history-unknown = 事業所番号 { $number } の履歴がありますが、その事業所がバックアップにありません。
roster-restore-duplicate-agent = 代理人「{ $agent }」が2回あります。
roster-restore-unknown-agent = { $what }が、バックアップにない代理人「{ $agent }」を指しています。
roster-restore-agent-history-gap = 代理人「{ $agent }」の履歴が{ $events }件で、記録の版 { $revision } と合いません。
roster-restore-agent-channel-mismatch = チャンネル { $channel } と代理人「{ $agent }」の結び付きが合いません。

export-done = { $offices }件の事業所を書き出しました：{ $path }
export-error = 書き出せません：{ $detail }
roster-error-too-large = 入力が大きすぎます（{ $detail } MB まで）。ファイルを指定してください。
roster-restore-bad-value = 事業所番号 { $number } の「{ $field }」が、ボットが保存しない値です（長すぎる、制御文字がある、範囲外など）。手で書き換えたファイルではないかご確認ください。
roster-restore-history-gap = 事業所番号 { $number } の履歴が欠けています（記録の版 { $revision } に対して履歴 { $events }件）。
roster-restore-channel-mismatch = チャンネル { $channel } と事業所番号 { $number } の結び付きが食い違っています。
roster-restore-duplicate-id = { $what } #{ $id } が2回出てきます。
roster-restore-bad-record = { $what } #{ $id } の「{ $field }」が、ボットが保存しない値です（長すぎる、制御文字がある、範囲外など）。手で書き換えたファイルではないかご確認ください。
roster-restore-what-handoff = 担当者への質問
roster-restore-what-taught = 追加したFAQ
