## 書き込みの受け止め方（src/intent.rs）：完了の報告、ボットへの依頼、あいさつ、担当者への取り次ぎ

## 完了の報告：記録する前に確認します
intent-status-confirm = 「{ $task }」を完了にしますか？
intent-status-confirm-both = 「{ $first }」と「{ $task }」を完了にしますか？
intent-status-how =
    完了にするときは「はい」と返信してください。
    下の「完了にする」からも記録できます。
    まだのときは、このままで大丈夫です。何も記録していません。
intent-status-already = 「{ $task }」は、{ $date }に完了にしてあります。何も変更していません。
intent-status-na = 「{ $step }」は、この事業所の請求方法では不要です。記録することはありません。
intent-status-all-done = すべての手順が完了しています。記録することはありません。
intent-status-unregistered = 作業の完了を記録するには、先にこのチャンネルに事業所を登録してください。
intent-undo-confirm = 直前の変更（{ $what }）を取り消しますか？
intent-undo-how =
    取り消すときは「はい」と返信してください。
    /undo と入力しても取り消せます。
intent-declined = わかりました。何も変更していません。
button-done-task = 完了にする：{ $task }

## あいさつ・お礼（未回答の質問には記録しません）
intent-thanks = どういたしまして。ほかにもわからないことがあれば、いつでも書き込んでください。
intent-greeting = こんにちは。インターネット請求の準備でわからないことは、いつでも書き込んでください。
intent-farewell = お疲れさまでした。続きは、いつでもこのチャンネルで再開できます。
intent-ack = はい。わからないことがあれば、いつでも書き込んでください。

## 担当者と話したいとき
intent-handoff = サポート担当者への取り次ぎは、事業所（または代理人）を登録したチャンネルで行えます。そこで「担当者と話したい」と書き込むか、/ask-staff を使ってください。
intent-handoff-how =
    まだ登録していないときは、先に /register で事業所を登録してください。
    急ぐときは、下の問合せ先へお電話ください。

## ask（CLI）で、質問ではない書き込みへの答え
intent-ask-status = 「{ $task }」が終わったという報告です。チャンネルに書き込むと、確認してから完了にします。
intent-ask-status-any = 作業が終わったという報告です。チャンネルに書き込むと、確認してから今の作業を完了にします。
intent-ask-next = 今やる手順は /next で表示します。
intent-ask-progress = 進み具合は /progress で表示します。
intent-ask-undo = 直前の変更は /undo で取り消せます。
intent-ask-help = 使い方は /help で表示します。
intent-ask-contact = 問合せ先は /contact で表示します。

## /done step: に書ける作業の名前（この名前で、ちょうどその作業を完了にします）
task-value-environment = 動作環境
task-value-notify-submit = 届出の提出
task-value-notify-receive = お知らせの受け取り
task-value-proxy-application = 代理人申請
task-value-login = ログイン
task-value-certificate-apply = 証明書の申請
task-value-certificate-install = 証明書のインストール
task-value-installer = 統合インストーラ
task-value-software = 請求ソフト
