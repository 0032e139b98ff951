## Setup procedure for internet billing
## Source: the seed guide (インターネット請求の導入手順について) and the procedure table in DESIGN.md.
## Step numbers change with the billing mode, so the texts do not use them.

## 1. Check the operating environment
## A part with nothing to say (what you receive, how long it takes, …) has no message: its field is not shown.

step-environment-title = Check the operating environment (動作環境)
step-environment-what =
    Before you prepare or buy a PC, check the current operating environment (動作環境) in the reception system (介護電子請求受付システム).
    URL: http://www.e-seikyuu.jp/
    The guide 「インターネット請求の導入手順について」 gives this operating environment, as it was when it was written:
    OS: Microsoft Windows 10 / Microsoft Windows 8.1 / Microsoft Windows 7 (Service Pack 1)
    Browser: Internet Explorer 11
    Line: an internet connection (ADSL or faster recommended)
    Check details such as OS editions in the reception system too.
step-environment-need = A PC that meets the current operating environment, and an internet connection.
step-environment-missing =
    If you are not sure whether your PC (for example with Windows 11) can be used, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.

## 2. Notification to start internet billing

step-notify-title = Notify the start of internet billing (インターネット請求開始の届出)
step-notify-what =
    Submit the notification to start internet billing (インターネット請求開始の届出) to your prefecture's NHI federation (国保連合会).
    The method differs by prefecture.
    Check the 国保連合会's website, or ask the 国保連合会 directly.
    When the notification is approved, you receive the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」).
step-notify-need =
    What you need for the notification differs by 国保連合会.
    Check the 国保連合会's website, or ask the 国保連合会 directly.
step-notify-receive =
    You receive the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」).
    It shows your user ID, temporary password and other details.
    Keep it in a safe place.
step-notify-time =
    It takes about one month from the notification until you can bill.
    The time differs with the 国保連合会's practice and with what you need to prepare.
step-notify-missing =
    If the notice does not arrive, ask the 国保連合会 (NHI federation) you submitted the notification to.
step-notify-waiting = the notice (「電子請求登録結果に関するお知らせ」) from the 国保連合会

## Proxy application (proxy billing: the proxy's step, after each office's notification)

step-proxy-application-title = Proxy application (代理人申請)
step-proxy-application-what =
    This procedure is needed for proxy billing (代理請求).
    After the notification to start internet billing, the proxy (代理人) makes the proxy application (代理人申請).
    For the procedure and what you need, see 「代理人申請 電子請求をはじめる前に」.
    It is on the pre-login page of the proxy application reception system (代理人申請電子請求受付システム).
    With proxy billing, one certificate covers up to 100 offices.
step-proxy-application-missing =
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.

## 3. Log in to the reception system

step-login-title = Log in to the reception system (介護電子請求受付システム)
step-login-what =
    Have the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」) at hand.
    Log in to the reception system (介護電子請求受付システム) with the user ID and temporary password written on it.
    URL: http://www.e-seikyuu.jp/
    You get the programs and manuals needed for internet billing there.
step-login-need =
    The notice (「電子請求登録結果に関するお知らせ」) with your user ID and temporary password.
    A PC that meets the operating environment.
step-login-receive =
    This step is done when you can log in.
    You can then get the programs and manuals you need.
step-login-missing =
    If you cannot log in, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.

## 4. Get the electronic certificate

step-certificate-title = Get the electronic certificate (電子証明書)
step-certificate-what =
    Log in to the reception system (介護電子請求受付システム).
    In the [証明書] (certificate) menu after login, apply for issuance (発行申請).
    The 国保連合会 issues the certificate a few days after you apply.
    When it is issued, download it and install it on your PC.
    For details, see section 3.2 (3.2.電子証明書の取得) of the setup manual (『介護電子請求受付システム 導入マニュアル』).
step-certificate-need =
    Your user ID and password, and the PC to install it on.
    The fee is charged per office number: 13,200 yen (介護保険証明書) or 13,900 yen (介護・障害共通証明書).
step-certificate-receive =
    The 国保連合会 issues your electronic certificate (valid 3 years).
    This step is done when it is installed on your PC.
step-certificate-time = It is issued a few days after you apply.
step-certificate-missing =
    If it is not issued after a few days, or you cannot install it, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
step-certificate-waiting = the 国保連合会 to issue the electronic certificate

## 5. Install the integrated installer

step-installer-title = Install the integrated installer (統合インストーラ)
step-installer-what =
    Use the integrated installer (統合インストーラ) to install the programs used for internet billing.
    For the procedure, see the reception system FAQ 「統合インストーラのインストール方法」.
    The integrated installer works automatically when your billing software sends claims.
    There is nothing to configure after installing it.
step-installer-need = A PC that meets the operating environment.
step-installer-missing =
    If you cannot install it, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.

## Billing software

step-software-title = Set up your billing software (請求ソフト)
step-software-what =
    The reception system (介護電子請求受付システム) cannot create or send claims.
    Prepare billing software (請求ソフト), such as 国保中央会介護伝送ソフト.
    Set up internet billing in your billing software.
    Ask your billing software's helpdesk how to set it up.
step-software-need =
    Billing software (for example 国保中央会介護伝送ソフト).
    The software costs extra.
step-software-receive = You can send claims by internet billing from your billing software.
step-software-time =
    It takes about one month in total from the notification until you can bill.
    The time differs by 国保連合会.
step-software-missing =
    For 国保中央会介護伝送ソフト, ask the care transmission software helpdesk (介護伝送ソフトヘルプデスク), TEL 0570-059-401.
    For other billing software, ask that software's own helpdesk.

## The proxy's steps (proxy billing, 代理請求)
## The guide (seed) describes office billing only; after the proxy application it
## says nothing, so these cards say so and point to 「代理人申請 電子請求をはじめる前に」.

step-notify-agent-title = Each office's notification to start internet billing
step-notify-agent-what =
    With proxy billing too, each office files its own notification to start internet billing (インターネット請求開始の届出).
    Each office submits the notification to the 国保連合会 (NHI federation).
    How to submit differs by prefecture (国保連合会).
    When a notification is approved, that office receives the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」).
    The proxy application (代理人申請) comes after the notifications.
step-notify-agent-need =
    What the notification needs differs by 国保連合会.
    Check the 国保連合会's website, or ask the 国保連合会 directly.
step-notify-agent-receive =
    Each office receives the notice (「電子請求登録結果に関するお知らせ」).
    It shows the user ID, a temporary password and more.
    Keep it safe.
step-notify-agent-time =
    It takes about one month from the notification until you can bill.
    The time differs with the 国保連合会's practice and with what has to be prepared.
step-notify-agent-missing =
    If a notice does not arrive, ask the 国保連合会 the notification was submitted to.
step-notify-agent-waiting = each office's notice (「電子請求登録結果に関するお知らせ」)

step-login-agent-title = Log in for proxy billing
step-login-agent-what =
    The guide (「インターネット請求の導入手順について」) describes office billing (事業所請求).
    It does not describe what the proxy does after the proxy application.
    For how to log in (which system, which user ID and password), read 「代理人申請 電子請求をはじめる前に」.
step-login-agent-need =
    Check what you need in 「代理人申請 電子請求をはじめる前に」.
step-login-agent-receive =
    Done when you can log in.
step-login-agent-time =
    The guide gives no typical time.
step-login-agent-missing =
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.

step-certificate-agent-title = Get the electronic certificate (one, for the proxy)
step-certificate-agent-what =
    With proxy billing, one electronic certificate (電子証明書) covers up to 100 offices.
    The proxy gets one certificate.
    The offices do not each get one.
    How to get it is not in the guide, which describes office billing.
    Read 「代理人申請 電子請求をはじめる前に」.
step-certificate-agent-need =
    The issuance fee is for one certificate (介護保険証明書 13,200円, 介護・障害共通証明書 13,900円).
    Check what the application needs in 「代理人申請 電子請求をはじめる前に」.
step-certificate-agent-receive =
    The electronic certificate is issued (valid for 3 years).
    Done when it is installed on the PC.
step-certificate-agent-time =
    Check how long issuance takes in 「代理人申請 電子請求をはじめる前に」.
step-certificate-agent-missing =
    If it is not issued, or cannot be installed, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
step-certificate-agent-waiting = the electronic certificate to be issued

step-installer-agent-title = Install the integrated installer (統合インストーラ)
step-installer-agent-what =
    The integrated installer (統合インストーラ) is a program that works by itself when the billing software sends claims.
    How to install it with proxy billing is not in the guide, which describes office billing.
    Read 「代理人申請 電子請求をはじめる前に」.
step-installer-agent-need =
    Check what you need in 「代理人申請 電子請求をはじめる前に」.
step-installer-agent-receive =
    Done when the installation is finished.
step-installer-agent-time =
    The guide gives no typical time.
step-installer-agent-missing =
    If it cannot be installed, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.

## Billing by a vendor: the office's last step is asking its vendor
## (seed: 「詳しくは、該当業者の問合せ窓口へご確認ください」). $vendor is vendor-named or vendor-unnamed.

step-software-vendor-title = Ask the vendor
step-software-vendor-what =
    { $vendor } files the claims for your office.
    Getting the electronic certificate, installing with the integrated installer and some other steps (等) are not needed.
    Ask { $vendor }'s helpdesk what your office has to prepare.
    When you know, this step is done.
step-software-vendor-need =
    Ask { $vendor } what is needed.
step-software-vendor-receive =
    You know what your office has to prepare.
step-software-vendor-time =
    Ask { $vendor } how long it takes.
step-software-vendor-missing =
    If anything is unclear, ask { $vendor }'s helpdesk.
vendor-named = the vendor "{ $name }"
vendor-unnamed = the vendor

## Checklist items

task-environment = Prepare a PC that meets the requirements
task-notify-submit = Submit the notification to the 国保連合会
task-notify-receive = Receive the notice (「電子請求登録結果に関するお知らせ」)
task-proxy-application = Complete the proxy application (代理人申請)
task-login = Log in to the reception system (介護電子請求受付システム)
task-certificate-apply = Apply for the electronic certificate
task-certificate-install = Download and install the electronic certificate
task-installer = Install the integrated installer (統合インストーラ)
task-software = Set up internet billing in your billing software
task-login-agent = Log in for proxy billing
task-installer-agent = Install the integrated installer (統合インストーラ)
task-software-vendor = Ask the vendor what your office has to prepare

## Billing modes

mode-direct = Office billing (事業所請求)
mode-proxy = Proxy billing (代理請求)
mode-vendor = Billing by a vendor (業者による請求代行)
mode-direct-desc =
    The office sends its own claims to the 国保連合会 by internet billing.
    You do the steps in order, from checking the environment to setting up the billing software.
mode-proxy-desc =
    A proxy (代理人) sends the claims of several offices together (proxy billing, 代理請求).
    Each office files its own notification to start internet billing.
    The proxy does the proxy application (代理人申請) and gets the electronic certificate (one covers up to 100 offices).
mode-vendor-desc =
    A vendor files the claims for your office.
    Getting the electronic certificate, installing with the integrated installer and some other steps (等) are not needed.
    For details, ask the vendor's helpdesk.
step-na-vendor = When a vendor files your claims, getting the electronic certificate, installing with the integrated installer and some other steps (等) are not needed.

## Completion

steps-complete-vendor =
    Every step of your office is done.
    { $vendor } files the claims.
    Internet claims are usually accepted from the 1st to the 10th of each month.
    In a month when internet billing is not ready in time, you may be able to bill on media such as CD-R.
    The acceptance period and media billing may vary by 国保連合会 (NHI federation). Check with the 国保連合会 of your office's prefecture.
    For questions, ask the contact below.
steps-complete-proxy =
    This office's notification and the preparation of the proxy (代理人) "{ $agent }" are all done.
    The proxy "{ $agent }" files the claims.
    Internet claims are usually accepted from the 1st to the 10th of each month.
    In a month when internet billing is not ready in time, you may be able to bill on media such as CD-R.
    The acceptance period and media billing may vary by 国保連合会 (NHI federation). Check with the 国保連合会 of your office's prefecture.
office-part-complete-title = This office's steps are done
office-part-complete =
    This office's step (the notification to start internet billing) is done.
    The proxy (代理人) "{ $agent }" does the rest of the preparation.
    The proxy's current step: { $step }
office-part-complete-no-agent =
    This office's step (the notification to start internet billing) is done.
    The proxy (代理人) does the rest of the preparation.
    If the proxy is registered with this bot, type this to see its progress here too:
    /register number:{ $number } name:"{ $name }" agent:(the proxy's name)
proxy-office-note =
    The proxy (代理人) "{ $agent }" files this office's claims (proxy billing, 代理請求).
    Each office files its own notification to start internet billing.
    The proxy does the proxy application, the electronic certificate and the rest.
proxy-office-note-unnamed =
    A proxy (代理人) files this office's claims (proxy billing, 代理請求).
    Each office files its own notification to start internet billing.
    The proxy does the proxy application, the electronic certificate and the rest.

## A proxy's channel

agent-desc =
    A proxy (代理人) sends the claims of several offices together (proxy billing, 代理請求).
    This channel guides the proxy's steps and each office's notification.
    The proxy gets one electronic certificate, which covers up to 100 offices.
agent-complete =
    The preparation of the proxy "{ $agent }" and the notifications of its { $offices ->
        [one] 1 office
       *[other] { $offices } offices
    } are all done.
    Internet claims are usually accepted from the 1st to the 10th of each month.
    In a month when internet billing is not ready in time, you may be able to bill on media such as CD-R.
    The acceptance period and media billing may vary by 国保連合会 (NHI federation). Check with the 国保連合会 of your office's prefecture.
    For questions, ask the contact below.
agent-offices-notify = Each office ({ $offices }):
agent-next-office =
    When an office has submitted its notification, type /done office:{ $number }.
    When its notice has arrived, type /done office:{ $number } again.
    For another office, type its office number instead.
agent-next-office-waiting =
    When an office's notice has arrived, type /done office:{ $number }.
    For another office, type its office number instead.
agent-no-offices =
    The proxy "{ $agent }" has no offices registered.
    Register them, for example: /register number:1370100016 name:"Aoba Care"
agent-progress-title = Progress of the proxy (代理人) "{ $agent }" ({ $offices ->
    [one] 1 office
   *[other] { $offices } offices
})
agent-offices-title = Each office's notification ({ $offices ->
    [one] 1 office
   *[other] { $offices } offices
}):
agent-office-received = { $name } ({ $number }): ☑ notice received ({ $date })
agent-office-waiting = { $name } ({ $number }): ⏳ waiting for the notice (submitted { $since }, { $days } days ago)
agent-office-todo = { $name } ({ $number }): ☐ notification not yet submitted
agent-office-name = "{ $name }" ({ $number })
agent-offices-count = Notifications: notice received for { $received } of { $offices } offices

## Completion (office billing)

steps-complete =
    Congratulations: every step is done.
    Preparation in the reception system (介護電子請求受付システム) and the billing software setup are complete.
    Internet claims are usually accepted from the 1st to the 10th of each month.
    In a month when internet billing is not ready in time, you may be able to bill on media such as CD-R.
    The acceptance period and media billing may vary by 国保連合会 (NHI federation). Check with the 国保連合会 of your office's prefecture.
    For questions about operating your billing software, ask your billing software's helpdesk (/contact shows it).
