## Frequently asked questions (FAQ)
## The value is the answer. Attributes:
##   .question   the canonical question (shown as a suggestion)
##   .phrasings  other ways to ask, separated by " | "
##   .keywords   keywords, separated by spaces
##   .contact    contact id (reception, denso, kokuhoren, software, vendor)
##   .proxy      the answer for a proxy-billing office and a proxy's channel (given instead of the value)
##   .vendor     the answer for a vendor-billed office (likewise)
## Source: the seed guide (インターネット請求の導入手順について).
## Entries that use the supplementary facts in DESIGN.md end with a plain "※ … may vary by prefecture" line.

## Overall preparation

faq-preparations =
    There are four main preparations:
    (1) check the operating environment (動作環境) of your PC;
    (2) submit the notification to start internet billing (インターネット請求開始の届出) to the 国保連合会 (NHI federation) and get a user ID;
    (3) get the electronic certificate (電子証明書): apply, then install it once issued;
    (4) install the programs used for internet billing with the integrated installer (統合インストーラ).
    The order is: check the operating environment, submit the notification, log in to the reception system (介護電子請求受付システム), get the electronic certificate, and install with the integrated installer.
    You also need billing software (請求ソフト) that creates and sends the claims, such as 国保中央会介護伝送ソフト.
    If a vendor files your claims for you, getting the electronic certificate, installing with the integrated installer and some other steps (等) are not needed.
    For details, ask that vendor's helpdesk.
    Type /next to see what to do now.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = What do we need to prepare for internet billing?
    .phrasings = what do I need to start internet billing | how do we get started with online claims | where do I start | steps to start electronic billing | internet billing setup | what is required for online billing | first steps for e-billing | how to begin sending claims online | preparation list | switch from paper claims to internet billing | what are the steps roughly | what do we need to prepare before we start | the whole procedure in order | overview of the setup | what should we get ready first | what do we need to prepare to start internet billing with the kokuhoren
    .keywords = prepare preparation preparations need required requirements start begin setup steps procedure internet billing online electronic e-billing four certificate notification installer environment 準備 導入 インターネット請求 steps overview order whole roughly ready
    .contact = reception
    .proxy =
        With proxy billing (代理請求), each office does part of the preparation and the proxy (代理人) does the rest.
        Each office: the notification to start internet billing (インターネット請求開始の届出) to the 国保連合会, which gives it a user ID.
        The proxy: the proxy application (代理人申請), the electronic certificate (one covers up to 100 offices) and more.
        For what comes after the proxy application, read 「代理人申請 電子請求をはじめる前に」.
        Type /next to see what to do now.
    .vendor =
        When a vendor files your claims, getting the electronic certificate, installing with the integrated installer and some other steps (等) are not needed.
        Ask the vendor's helpdesk what your office has to prepare.
        Type /next to see what to do now.

faq-preparation-period =
    It takes about one month from the notification (届出) until you can bill.
    The time differs with the 国保連合会's (NHI federation's) practice and with what you need to prepare.
    Internet claims are usually accepted from the 1st to the 10th of each month.
    In a month when you are not ready in time, you may be able to bill on media such as CD-R.
    The acceptance period and media billing may vary by 国保連合会.
    If you have not yet done so, submit the notification to start internet billing (インターネット請求開始の届出) to the 国保連合会 early.
    For the exact time, and the month from which you can bill over the internet, ask the 国保連合会 you submit the notification to.
    .question = How long does the preparation take?
    .phrasings = when can we start billing online | how many days until we can send claims | how long after the notification | how many weeks does setup take | preparation period | will we be ready for next month's claims | how soon can we bill | setup time | if we file the notification now when can we bill | how long until we can bill online | realistic start date for online claims
    .keywords = how long period duration days weeks month one month when start soon ready preparation period 期間 1ヶ月 いつから realistically realistic long until bill
    .contact = kokuhoren

## Cost and the electronic certificate

faq-cost =
    There is a fee for issuing the electronic certificate (電子証明書, valid 3 years).
    It is 13,200 yen for the care insurance certificate (介護保険証明書) and 13,900 yen for the shared care and disability certificate (介護・障害共通証明書).
    The fee is charged per office number.
    The internet line and the billing software also cost extra.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = How much does the preparation cost?
    .phrasings = what does internet billing cost | is there a fee | is it free | setup cost | how much money do we need | price of getting started | total cost for online billing | any charges | initial cost | do the line and software cost extra | besides the certificate what other costs | what else do we pay for | other costs to budget for | costs apart from the certificate fee
    .keywords = cost costs price fee fees charge charges money how much yen free expense setup cost line software 費用 料金 いくら besides other else budget apart
    .contact = reception
    .proxy =
        With proxy billing (代理請求), the proxy (代理人) gets one electronic certificate (電子証明書).
        One certificate covers up to 100 offices.
        The issuance fee is for that one certificate (valid for 3 years).
        介護保険証明書 is 13,200円; 介護・障害共通証明書 is 13,900円.
        Internet line and billing software cost extra.
        If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .vendor =
        When a vendor files your claims, getting the electronic certificate, installing with the integrated installer and some other steps (等) are not needed.
        Ask the vendor's helpdesk about the costs.

faq-certificate-fee =
    The fee for the electronic certificate is charged per office number.
    Care insurance certificate (介護保険証明書): 13,200 yen
    Shared care and disability certificate (介護・障害共通証明書): 13,900 yen
    It is valid for 3 years.
    If you have several office numbers, consider proxy billing (代理請求): one certificate covers up to 100 offices. If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = What is the fee for the electronic certificate?
    .phrasings = certificate price | how much for the certificate | certificate issuing fee | cost of the digital certificate | shared care and disability certificate fee | is the certificate fee per office | certificate charge | e-certificate cost | is the certificate fee per office number or per company | is the certificate fee a one-time payment | do we pay the certificate fee every year
    .keywords = certificate digital electronic e-certificate fee price cost charge yen 13,200 13200 13,900 13900 issuing per office number shared disability care insurance 電子証明書 証明書 手数料 介護保険証明書 介護・障害共通証明書 one-time once every year yearly annual company hojin
    .contact = reception
    .proxy =
        With proxy billing (代理請求), the proxy (代理人) gets one electronic certificate (電子証明書).
        One certificate covers up to 100 offices, so there is no fee per office number.
        The issuance fee is for one certificate:
        介護保険証明書: 13,200円
        介護・障害共通証明書: 13,900円
        It is valid for 3 years.
        If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .vendor =
        When a vendor files your claims, getting the electronic certificate and some other steps (等) are not needed.
        Ask the vendor's helpdesk about the costs.

faq-certificate-validity =
    The electronic certificate is valid for 3 years.
    The fee is 13,200 yen for the care insurance certificate (介護保険証明書) and 13,900 yen for the shared care and disability certificate (介護・障害共通証明書).
    Before it expires, you need to apply for a new certificate (renewal).
    The renewal process may differ by 国保連合会 (NHI federation).
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = How long is the electronic certificate valid?
    .phrasings = certificate expiry | how many years does the certificate last | when does the certificate expire | certificate validity period | does the certificate ever expire | certificate lifetime | valid for how long | from when is the 3 years counted
    .keywords = valid validity expiry expire expires expiration years three 3 years last lifetime certificate 有効期間 有効期限 3年
    .contact = reception
    .vendor =
        When a vendor files your claims, getting the electronic certificate and some other steps (等) are not needed.
        For details, ask the vendor's helpdesk.

faq-certificate-renewal =
    The certificate is valid for 3 years from issue.
    In most cases a renewal notice comes about 90 days before it expires.
    To renew, apply for a new certificate in the [証明書] (certificate) menu of the reception system (介護電子請求受付システム), using the certificate issuance password (証明書発行用パスワード).
    If it lapses, you must go through first-time issuance again (about one month), and internet billing stops meanwhile.
    Renew early.
    ※ Renewal notices and steps may vary by prefecture (国保連合会). For details, ask your 国保連合会.
    .question = How do we renew the electronic certificate?
    .phrasings = certificate about to expire | renewal procedure | we got a renewal notice | what if the certificate runs out | certificate expired | renew the certificate | new certificate after 3 years | certificate lapsed | will we get a warning before the certificate runs out | what happens if we forget to renew | when does the renewal notice come | which password do we use to renew | do we need a password to renew the certificate | where do we renew it
    .keywords = renew renewal renewing expire expired lapse lapsed notice 90 days new certificate issuing password 更新 期限切れ 証明書発行用パスワード warning forget forgot track
    .contact = kokuhoren
    .proxy =
        With proxy billing (代理請求), the proxy (代理人) holds the one electronic certificate.
        The proxy renews it too.
        The electronic certificate is valid for 3 years.
        How renewal works may differ by 国保連合会; ask the 国保連合会 for details.
    .vendor =
        When a vendor files your claims, getting the electronic certificate and some other steps (等) are not needed.
        For details, ask the vendor's helpdesk.

## Operating environment

faq-environment-os =
    Before you prepare or buy a PC, check the current operating environment (動作環境) in the reception system (介護電子請求受付システム, http://www.e-seikyuu.jp/).
    The guide 「インターネット請求の導入手順について」 lists these systems, as it was when it was written: Microsoft Windows 10 / Microsoft Windows 8.1 / Microsoft Windows 7 (Service Pack 1), with the browser Internet Explorer 11.
    The guide says nothing about systems it does not list, such as Windows 11 or Mac.
    To find out whether your PC can be used, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = What operating system (OS) is supported?
    .phrasings = which computer can we use | does it work on Windows 11 | can I use a MacBook | which version of Windows | PC requirements | will an old computer work | can we do it on a smartphone or tablet | system requirements | can I use an iPad | will our Windows 11 PCs be suitable | can we keep using our current PC | do we have to buy a new PC | the shop only sells Windows 11
    .keywords = os operating system environment pc computer windows windows10 windows8.1 windows7 windows11 service pack mac macbook apple ipad tablet smartphone requirements edition version 動作環境 パソコン suitable current shop win10 win11
    .contact = reception

faq-browser =
    Check which browsers can be used in the current operating environment (動作環境) of the reception system (介護電子請求受付システム, http://www.e-seikyuu.jp/).
    The guide 「インターネット請求の導入手順について」 lists Internet Explorer 11, as it was when it was written, on Microsoft Windows 10 / 8.1 / 7 (Service Pack 1).
    The guide says nothing about other browsers, such as Edge.
    To find out whether your browser can be used, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = Which browser should we use?
    .phrasings = can I use Edge | does Chrome work | do I need Internet Explorer | only IE 11 | supported browser | recommended browser | web browser requirement | Firefox or Safari ok | we only have Edge | does it have to be Internet Explorer | everyone here uses Chrome
    .keywords = browser web browser ie ie11 internet explorer edge chrome google firefox safari ブラウザ
    .contact = reception

faq-line =
    You need an internet connection.
    When the guide 「インターネット請求の導入手順について」 was written, it recommended ADSL or faster.
    Check the current operating environment (動作環境) in the reception system (介護電子請求受付システム, http://www.e-seikyuu.jp/).
    The line costs extra.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = What internet connection do we need?
    .phrasings = is fibre ok | is ADSL enough | internet line requirement | can we use Wi-Fi | connection speed | mobile Wi-Fi ok | broadband needed | what line is recommended | what kind of internet connection is needed | we only have a pocket wifi router | is mobile internet enough
    .keywords = line connection internet adsl fibre fiber optical broadband wifi wi-fi wireless speed network recommended send sending 回線 通信回線 router pocket mobile kind
    .contact = reception

## The notification

faq-notify-where =
    Submit the notification to start internet billing (インターネット請求開始の届出) to your prefecture's NHI federation (国保連合会).
    The method differs by prefecture.
    Check the 国保連合会's website, or ask the 国保連合会 directly.
    When the notification is approved, you receive the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」).
    .question = Where do we submit the notification to start internet billing?
    .phrasings = how do we file the notification | where do I send the application | who do we notify | how to apply for internet billing | where is the notification form | submitting the start notification | where to register for online billing | how do we sign up | where to send the form | where do I send the todokede | how do we submit the notification | we would like to submit the notification | where do we get the notification form
    .keywords = notification notify submit submission apply application register registration sign up form where federation kokuhoren 国保連合会 届出 todokede send submit
    .contact = kokuhoren

faq-notify-prefecture =
    Yes. The method differs by prefecture (国保連合会, NHI federation).
    Check the website of the 国保連合会 in the prefecture where your office is.
    If you are unsure, ask the 国保連合会 directly.
    .question = Does the notification procedure differ by prefecture?
    .phrasings = is it different in each prefecture | same procedure everywhere | does our prefecture have its own rules | regional differences in the notification | do prefectures differ | procedure for our prefecture | is it the same in every region | is the notification form the same in every prefecture | I cannot find the form for our prefecture | is there a common template
    .keywords = prefecture prefectures region regional different differ differs same each local rules federation 都道府県 県 国保連合会 form template common same every
    .contact = kokuhoren

faq-user-id-password =
    Your user ID and temporary password are written on the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」).
    The 国保連合会 (NHI federation) sends this notice when your notification is approved.
    Keep it in a safe place.
    If you cannot find it, ask the 国保連合会 you submitted the notification to.
    .question = Where are the user ID and temporary password written?
    .phrasings = where is my user ID | I do not know the temporary password | where is the initial password | login ID and password | we lost the notice | which paper has the ID | where do we find our password | login details | what is written in the letter from the federation | what does the notice say | what is on the letter they send after approval | what is in the お知らせ
    .keywords = user id userid login id password temporary initial notice letter lost paper ユーザID 仮パスワード お知らせ 電子請求登録結果に関するお知らせ written says contains inside approve approval
    .contact = kokuhoren

faq-notice-not-arrived =
    The 国保連合会 (NHI federation) sends the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」) when your notification is approved.
    How long it takes differs by 国保連合会.
    If it does not arrive, ask the 国保連合会 you submitted the notification to.
    If you have not submitted the notification yet, submit it to the 国保連合会 first.
    .question = The notice (「電子請求登録結果に関するお知らせ」) has not arrived.
    .phrasings = we still haven't gotten the letter | we have not received the notice | no reply after the notification | still waiting for the registration result | when will the notice come | approval letter not received | no user ID letter yet | notice is late
    .keywords = not arrived not received waiting still late notice letter approval registration result reply お知らせ 届かない
    .contact = kokuhoren
    .after = notify-submit

## The reception system

faq-login =
    The URL of the reception system (介護電子請求受付システム) is http://www.e-seikyuu.jp/ .
    Log in with the user ID and temporary password written on the notice (「電子請求登録結果に関するお知らせ」).
    After you log in, you can get the programs and manuals needed for internet billing.
    If you cannot log in, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = Where do we log in to the reception system?
    .phrasings = what can we do after logging in | reception system address | login page | website of the claims system | how do I sign in | web address for the reception site | where is the login screen | link to the reception system | how do we log in the first time
    .keywords = login log in sign in url address website site link page reception system e-seikyuu e-seikyuu.jp www.e-seikyuu.jp ログイン 受付システム
    .contact = reception
    .after = proxy-application

faq-login-locked =
    In most cases, three wrong passwords lock the login.
    In that case, wait at least 30 minutes, then log in again.
    If you still cannot log in, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    ※ How a lock is handled may vary by prefecture (国保連合会).
    .question = We entered the wrong password and are locked out.
    .phrasings = account locked | locked out | wrong password three times | how to unlock | cannot get in after mistakes | login blocked | how long is the lock | too many password attempts | how many wrong passwords lock the login | how long do I have to wait after a lock
    .keywords = locked lock lockout unlock blocked wrong password three times attempts 30 minutes ロック
    .contact = reception

faq-user-id-format =
    In most cases the internet-billing user ID is "KJ" + the 2-digit prefecture number + the office number (10 characters).
    Check your exact user ID on the notice (「電子請求登録結果に関するお知らせ」).
    If anything is unclear, ask your 国保連合会 (NHI federation).
    ※ The user ID format may vary by prefecture (国保連合会).
    .question = What format is the user ID?
    .phrasings = what does the user ID look like | does the user ID start with KJ | what does KJ mean | how many characters is the ID | user ID rules | user ID and office number | how is the ID made up | user ID pattern
    .keywords = user id format pattern kj characters digits length prefecture number office number rules ユーザID
    .contact = kokuhoren

faq-office-number =
    The office number (介護保険事業所番号) has 10 characters.
    Characters 1–2: prefecture number (01–47); 3: kind of office; 4–5: district; 6–9: serial number; 10: check digit.
    The 3rd character can be an upper-case letter (not I, O or Q).
    ※ Some real office numbers do not match the check digit calculation.
    If anything is unclear, ask your 国保連合会 (NHI federation).
    .question = What does the office number (介護保険事業所番号) consist of?
    .phrasings = how many digits is the office number | office number has a letter in it | what is the last digit | how to read the office number | office number structure | is our office number correct | care office number meaning
    .keywords = office number care insurance digits characters check digit letter prefecture structure 10 ten 事業所番号 介護保険事業所番号
    .contact = kokuhoren

faq-manuals =
    You get the programs and manuals needed for internet billing in the reception system (介護電子請求受付システム).
    URL: http://www.e-seikyuu.jp/
    Log in with the user ID and temporary password on the notice (「電子請求登録結果に関するお知らせ」).
    The steps to get the certificate are in section 3.2 (3.2.電子証明書の取得) of the setup manual (『介護電子請求受付システム 導入マニュアル』).
    .question = Where can we get the manuals and programs?
    .phrasings = where is the manual | setup manual | instruction guide | where to download the programs | user guide | documentation | operating manual | where are the instructions | is there a detailed guide we can hand to our staff | which manual explains the certificate
    .keywords = manual manuals guide instructions documentation programs download setup manual マニュアル 導入マニュアル
    .contact = reception

## When something goes wrong (login, password, PC)

faq-login-failed =
    You log in with the user ID and temporary password written on the notice (「電子請求登録結果に関するお知らせ」).
    Check that you type them exactly as written on the notice.
    (Supplementary: this may vary by prefecture / 国保連合会.) Three wrong passwords lock the login; wait at least 30 minutes, then try again.
    If you still cannot log in, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = We cannot log in with our user ID and password.
    .phrasings = it says wrong password but we typed the one on the letter | the ID and password don't work | cannot log in although the ID and password are right | the temporary password does not work | login keeps failing | login error | I can't get into the reception system | login does not work | the screen shows an error when I log in | it says the ID or password is incorrect | cannot get in with the letter's password | I enter the ID and password from the letter and the screen says error | the temporary password from the notice gives an error
    .keywords = cannot can't log in login fails failing error right correct incorrect wrong temporary password keeps
    .contact = reception

faq-password-forgot =
    The temporary password for the first login is written on the notice (「電子請求登録結果に関するお知らせ」).
    If you cannot find the notice, ask the 国保連合会 (NHI federation) you submitted the notification to.
    If you forgot a password you changed, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402, what to do.
    .question = We forgot the password.
    .phrasings = I forgot the password | forgot my password for the reception system | reset the password | new password | password reissue | cannot remember the password
    .keywords = forgot forgotten forget reset reissue remember password
    .contact = reception

faq-after-notice =
    The notice (「電子請求登録結果に関するお知らせ」) lists your user ID, temporary password and more. Keep it in a safe place.
    Next, log in to the reception system (介護電子請求受付システム, http://www.e-seikyuu.jp/) with that user ID and temporary password.
    After logging in, get the programs and manuals, and apply for the electronic certificate in the [証明書] (certificate) menu.
    .question = The notice has arrived. What do we do next?
    .phrasings = what to do after the notice arrives | how should we handle the notice | we got the letter what now | next step after receiving the user ID | after the registration result arrives
    .keywords = after arrives arrived received handle next notice letter user id keep
    .contact = reception
    .after = notify-receive

faq-certificate-which =
    There are two electronic certificates: the care insurance certificate (介護保険証明書, 13,200 yen) and the shared care and disability certificate (介護・障害共通証明書, 13,900 yen).
    Both are valid for 3 years. The fee is charged per office number.
    If you are unsure which to apply for, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = Which electronic certificate should we apply for?
    .phrasings = should we get the care insurance certificate or the shared one | which of the two certificates do we need | difference between the two certificates | which certificate should we buy | we also provide disability services | care insurance certificate or shared certificate | kinds of certificate
    .keywords = which difference kinds types two choose shared disability care insurance certificate
    .contact = reception

faq-new-pc =
    A new PC must also meet the operating environment for internet billing.
    The electronic certificate and the integrated installer are installed on the PC you bill from.
    For getting and installing the certificate on a new PC, see section 3.2 (3.2.電子証明書の取得) of the setup manual (『介護電子請求受付システム 導入マニュアル』).
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = We are replacing our PC. What happens to the certificate?
    .phrasings = new PC what about the certificate | we bought a new computer | moving to another PC | replacing the billing PC
    .keywords = new pc new computer replace replacing replaced bought
    .contact = reception

## Getting the electronic certificate

faq-certificate-how =
    Log in to the reception system (介護電子請求受付システム) and apply for issuance (発行申請) in the [証明書] (certificate) menu.
    The 国保連合会 (NHI federation) issues the certificate a few days after you apply.
    When it is issued, download it and install it on your PC.
    For the detailed steps, see section 3.2 (3.2.電子証明書の取得) of the setup manual (『介護電子請求受付システム 導入マニュアル』).
    .question = How do we get the electronic certificate?
    .phrasings = how to apply for the certificate | installing the certificate | download the certificate | where is the certificate menu | getting a digital certificate | request a certificate | certificate application steps | how to obtain the e-certificate | who issues the certificate | can I apply for the certificate before logging in | I cannot install the certificate | what to do when the certificate is issued
    .keywords = certificate digital electronic e-certificate apply application request issue issuance obtain get download install menu manual 3.2 電子証明書 発行申請 証明書 issues issuer before after logging
    .contact = reception
    .after = login
    .proxy =
        With proxy billing (代理請求), the proxy (代理人) gets one electronic certificate (up to 100 offices).
        The offices do not each get one.
        How the proxy gets it is not in the guide, which describes office billing (事業所請求).
        Read 「代理人申請 電子請求をはじめる前に」.
    .vendor =
        When a vendor files your claims, getting the electronic certificate and some other steps (等) are not needed.
        For details, ask the vendor's helpdesk.

faq-setup-trouble =
    When a step of the setup fails with an error (installing the electronic certificate, for one), first check the steps in the reception system's setup manual (『介護電子請求受付システム 導入マニュアル』).
    If that does not solve it, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク): TEL 0570-059-402, FAX 0570-059-422, email mail-kaigo@support-e-seikyuu.jp.
    It is the helpdesk for preparing internet billing and for operating the reception system.
    .question = A step of the setup, such as installing the certificate, fails with an error.
    .phrasings = the certificate won't install | installing the certificate gives an error | the install fails every time | nothing happens when I install it | the certificate does not go in | an error stops the setup | it keeps throwing an error | who do I call about an error | whom to ask when the install fails
    .keywords = fails failed failing fail won't nothing happens keeps install installing installation certificate
    .contact = reception

faq-certificate-time =
    The 国保連合会 (NHI federation) issues the electronic certificate a few days after you apply.
    When it is issued, download it and install it on your PC.
    If it is not issued after a few days, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = How long after applying is the certificate issued?
    .phrasings = when will the certificate be issued | how many days for the certificate | certificate not issued yet | waiting for the certificate | is the certificate issued right away | certificate still pending | certificate issuance time
    .keywords = issued issuance days few days when waiting pending not yet certificate how long 数日 発行
    .contact = reception
    .after = certificate-apply
    .proxy =
        With proxy billing (代理請求), the proxy (代理人) gets the electronic certificate.
        Check how long issuance takes in 「代理人申請 電子請求をはじめる前に」.
        If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .vendor =
        When a vendor files your claims, getting the electronic certificate and some other steps (等) are not needed.
        For details, ask the vendor's helpdesk.

## Integrated installer

faq-installer-how =
    The integrated installer (統合インストーラ) installs the programs used for internet billing.
    They work automatically when your billing software sends claims.
    For how to install it, see the reception system FAQ 「統合インストーラのインストール方法」.
    There is nothing to configure after installing it.
    If it does not work, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = How do we install the integrated installer?
    .phrasings = how to install the installer | where do I get the integrated installer | the installer asks for administrator rights | what is the integrated installer | where is the installer | installing the programs | installer download | installation steps | the installer will not install | what is the integrated installer for | what does the integrated installer do | when does the installer run
    .keywords = integrated installer install installation setup program programs download 統合インストーラ インストーラ
    .contact = reception
    .after = certificate-install

faq-installer-settings =
    No settings are needed: nothing has to be configured after installing the integrated installer (統合インストーラ).
    It works automatically when your billing software sends claims.
    Next, set up internet billing in your billing software.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = Is any setting needed after installing the integrated installer?
    .phrasings = what to do after the installation | installer settings | does it need configuring | do I have to start the installer every time | does it run automatically | next step after installing | any setup after install | I do not see any icon | when does it actually run
    .keywords = settings setting configure configuration setup after install installed automatic automatically run start nothing integrated installer 設定 統合インストーラ icon
    .contact = reception

## Billing software

faq-no-claim-creation =
    The reception system (介護電子請求受付システム) has no function to create or send claims.
    Prepare billing software separately, such as 国保中央会介護伝送ソフト.
    For 国保中央会介護伝送ソフト, ask the care transmission software helpdesk (介護伝送ソフトヘルプデスク), TEL 0570-059-401.
    For other billing software, ask that software's own helpdesk.
    .question = Can the reception system create or send claims?
    .phrasings = can we make claims in the reception system | where do we create the claim data | do we need billing software | can we send from the website | is transmission software needed | we do not have billing software | create invoices in the system | can we bill with the reception system alone | can we create the claim data inside e-seikyuu | there is no button to send claims | does the reception system create and send claims
    .keywords = create make send claims claim data invoice billing software transmission software function reception system 請求ソフト 伝送ソフト 国保中央会介護伝送ソフト
    .contact = reception

faq-software-contact =
    For how to operate your billing software or set up internet billing in it, ask your billing software's own helpdesk.
    If you use 国保中央会介護伝送ソフト, that is the care transmission software helpdesk (介護伝送ソフトヘルプデスク), TEL 0570-059-401.
    Set up the billing software after the preparation in the reception system is finished.
    .question = Whom do we ask about operating our billing software?
    .phrasings = billing software support | how to use our billing software | other vendor's software helpdesk | software settings for internet billing | contact for third-party software | help with our claims software | software maker's support | our billing software is from a private vendor | we do not use the 国保中央会 software | who supports a commercial billing software | after the reception system is ready what about the software
    .keywords = billing software software support helpdesk contact vendor maker third-party operate operation settings use 請求ソフト 問合せ 窓口 private commercial vendor supports
    .contact = software
    .after = installer

faq-software-other =
    The billing software for internet billing does not have to be 国保中央会介護伝送ソフト.
    For operating other billing software, and for setting up internet billing in it, ask that software's own helpdesk.
    Find the helpdesk in the software's manual or on its website.
    The care transmission software helpdesk (介護伝送ソフトヘルプデスク) is the helpdesk for 国保中央会介護伝送ソフト.
    .question = We use billing software other than 国保中央会介護伝送ソフト. Whom do we ask?
    .phrasings = not the 国保中央会 software | we use commercial billing software | software from a private vendor | is other billing software all right
    .keywords = other commercial private vendor maker billing software 請求ソフト 以外
    .contact = software

## Contacts

faq-denso-helpdesk =
    For operating 国保中央会介護伝送ソフト, ask the care transmission software helpdesk (介護伝送ソフトヘルプデスク).
    TEL: 0570-059-401 / FAX: 0570-059-411
    Email: k-denso@trust.ocn.ne.jp
    For business hours and other details, see the [ヘルプデスク] (helpdesk) menu on the 国保中央会介護伝送ソフト website.
    .question = How do we contact the care transmission software helpdesk?
    .phrasings = transmission software phone number | denso software support | kaigo denso helpdesk | fax for the transmission software | email for the transmission software | the transmission software does not work | contact for 介護伝送ソフト
    .keywords = transmission software denso kaigo helpdesk help desk phone telephone tel fax email contact kokuho chuokai 介護伝送ソフト 伝送ソフト 国保中央会 0570-059-401 0570-059-411
    .contact = denso

faq-reception-helpdesk =
    For preparing internet billing and operating the reception system (介護電子請求受付システム), ask the reception system helpdesk (介護電子請求受付システムヘルプデスク).
    TEL: 0570-059-402 / FAX: 0570-059-422
    Email: mail-kaigo@support-e-seikyuu.jp
    For business hours and other details, see the [FAQ] menu of the reception system (http://www.e-seikyuu.jp/) before you log in.
    .question = How do we contact the reception system helpdesk?
    .phrasings = reception system phone number | helpdesk email address | fax for the reception system | who can help with the setup | reception system support | call the e-seikyuu helpdesk | who should I ask | which number do I call for the reception system | whose number is this | how to use the reception system | who helps with the reception system's screens | fax the helpdesk instead of calling | the helpdesk's fax number | send a question to the helpdesk by fax
    .keywords = reception system helpdesk help desk support phone telephone tel call fax email mail contact ask e-seikyuu ヘルプデスク 受付システム 0570-059-402 0570-059-422 number
    .contact = reception

faq-helpdesk-hours =
    The business hours of the reception system helpdesk (介護電子請求受付システムヘルプデスク, TEL 0570-059-402) are in the [FAQ] menu of the reception system, before you log in.
    The reception system (介護電子請求受付システム) is at http://www.e-seikyuu.jp/ .
    The business hours of the care transmission software helpdesk (介護伝送ソフトヘルプデスク, TEL 0570-059-401) are in the [ヘルプデスク] menu on the 国保中央会介護伝送ソフト website.
    Please check them there.
    .question = What are the helpdesk's business hours?
    .phrasings = helpdesk opening hours | is the helpdesk open on weekends | when can I call | helpdesk holidays | until what hour can we phone | office hours of the support line | open on public holidays | is the helpdesk open on Saturday | what time does the helpdesk close
    .keywords = hours business hours opening open weekend weekends saturday sunday holiday holidays call helpdesk 営業時間 saturday sunday time close closes weekday
    .contact = reception

## Billing modes (office, proxy, vendor)

faq-vendor =
    When a vendor files your claims (業者による請求代行), getting the electronic certificate, installing with the integrated installer (統合インストーラ) and some other steps (等) are not needed.
    Ask the vendor's helpdesk what else you need to prepare.
    .question = What do we need to prepare when a vendor files our claims?
    .phrasings = our claims are outsourced | a company does our billing | do we need a certificate if a vendor bills for us | billing agency | we use a billing service | is the installer needed with a vendor | outsourcing the claims | we send everything through our vendor | do we need the installer if a vendor bills for us
    .keywords = vendor agency outsource outsourced outsourcing company service contractor third party files claims for us not needed certificate installer 代行 業者
    .contact = vendor

faq-multiple-offices =
    The fee for the electronic certificate is charged per office number.
    If you have several office numbers, consider proxy billing (代理請求).
    With proxy billing, one certificate covers up to 100 offices.
    Proxy billing needs a proxy application (代理人申請) after the notification.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = We have several office numbers. What about the certificate?
    .phrasings = we run several offices | one certificate for many offices | do we need a certificate for each office | multiple office numbers | how many offices per certificate | billing for a group of offices | our corporation has many sites | we have 4 office numbers | avoid paying the certificate fee several times | do we really need a certificate for each office
    .keywords = several multiple many offices office numbers group corporation sites each one certificate 100 offices proxy 複数 代理請求 avoid times four six
    .contact = reception
    .proxy =
        With proxy billing (代理請求), one electronic certificate covers up to 100 offices.
        The proxy (代理人) gets one certificate, and pays the issuance fee once, not per office.
        Each office still files its own notification to start internet billing.
        Add an office to the proxy by typing /register number:(office number) name:(office name) in the proxy's channel.

faq-proxy-procedure =
    For proxy billing (代理請求), a proxy application (代理人申請) is needed after the notification to start internet billing.
    For details, see 「代理人申請 電子請求をはじめる前に」 on the pre-login page of the proxy application reception system (代理人申請電子請求受付システム).
    With proxy billing, one certificate covers up to 100 offices.
    If anything is unclear, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = How do we start proxy billing?
    .phrasings = proxy application | what is the proxy application | proxy billing procedure | billing on behalf of other offices | how to become a proxy | steps for proxy claims | before starting proxy billing | when do we do the proxy application | at what point is the proxy application
    .keywords = proxy proxy billing proxy application agent behalf procedure steps 代理請求 代理人申請 point timing when dairi
    .contact = reception
    .proxy =
        Type /next to see the proxy billing steps.
        Each office files its own notification to start internet billing.
        Then the proxy (代理人) does the proxy application (代理人申請).
        For what comes after the proxy application, read 「代理人申請 電子請求をはじめる前に」.
        It is on the pre-login page of the proxy application reception system (代理人申請電子請求受付システム).
        With proxy billing, one certificate covers up to 100 offices.

faq-billing-methods =
    Internet billing has two billing methods: office billing (事業所請求) and proxy billing (代理請求).
    With office billing, each office submits the notification, gets its own certificate and sends its own claims.
    With proxy billing, one certificate covers up to 100 offices; a proxy application (代理人申請) is needed after the notification.
    If you are unsure which to choose, ask the reception system helpdesk (介護電子請求受付システムヘルプデスク), TEL 0570-059-402.
    .question = What is the difference between office billing and proxy billing?
    .phrasings = which billing method should we use | types of billing | should we use proxy billing | what is office billing | two billing methods | office or proxy | billing options | difference between jigyosho seikyu and dairi seikyu | must each office bill by itself
    .keywords = billing method methods type types difference office billing proxy billing choose which option 事業所請求 代理請求
    .contact = reception

## Claim acceptance period (supplementary)

faq-claim-period =
    Internet claims are usually accepted from the 1st to the 10th of each month.
    In a month when you are not ready in time, you may still be able to bill on media such as CD-R.
    Preparing for internet billing takes about one month from the notification (届出), so start early.
    Ask the 国保連合会 (NHI federation) in your office's prefecture about its acceptance period and media billing.
    ※ The acceptance period and media billing may vary by 国保連合会 (NHI federation).
    .question = When are claims accepted each month?
    .phrasings = deadline for claims | until what day can we send | what if we miss the 10th | acceptance period | can we bill on CD-R | we will not be ready this month | monthly submission window | when can we send claims every month | which days of the month can claims be sent | if we are not ready by the 10th | how do we bill this month | can we bill on paper or CD-R
    .keywords = deadline acceptance period accepted monthly month 1st 10th day days media cd-r cd ready late window 受付期間 締め切り every each send sent
    .contact = kokuhoren

faq-kokuhoren-contact =
    For the notification to start internet billing (インターネット請求開始の届出) and the notice of electronic billing registration results (「電子請求登録結果に関するお知らせ」), contact the NHI federation (国保連合会) of the prefecture where your office is.
    Its official name is the prefecture's name followed by 国民健康保険団体連合会 (for example, 東京都国民健康保険団体連合会).
    Find its phone number and how to submit the notification (届出) on the 国保連合会's website.
    .question = How do I contact the NHI federation (国保連合会)?
    .phrasings = phone number of the federation | kokuhoren phone number | how to call the 国保連合会 | contact for the national health insurance federation | who is our federation | federation helpdesk | official name of the federation
    .keywords = federation kokuhoren 国保連合会 phone telephone contact call number helpdesk
    .contact = kokuhoren
