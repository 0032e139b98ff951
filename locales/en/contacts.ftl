## Contacts
## Source: the "お問合せ先について" section of the seed guide.
## Each prefecture's 国保連合会 is shown with the name and website from the shipped data (assets/kokuhoren/), or as configured in bot.toml.
## Vendor and billing-software contacts are configured in bot.toml; these are the generic entries.

contact-reception = Reception system helpdesk (介護電子請求受付システムヘルプデスク)
    .tel = 0570-059-402
    .fax = 0570-059-422
    .email = mail-kaigo@support-e-seikyuu.jp
    .url = http://www.e-seikyuu.jp/
    .note = For business hours and other details, see the [FAQ] menu of the reception system (介護電子請求受付システム) before you log in.
    .topic = Preparing for internet billing, and operating the reception system (介護電子請求受付システム)

contact-denso = Care transmission software helpdesk (介護伝送ソフトヘルプデスク)
    .tel = 0570-059-401
    .fax = 0570-059-411
    .email = k-denso@trust.ocn.ne.jp
    .note = For business hours and other details, see the [ヘルプデスク] (helpdesk) menu on the 国保中央会介護伝送ソフト website.
    .topic = Operating the 国保中央会介護伝送ソフト billing software

contact-kokuhoren = Your prefecture's NHI federation (国保連合会)
    .note = The way to submit the notification (届出) differs by prefecture. Check your 国保連合会's website, or ask the 国保連合会 directly.
    .topic = The notification to start internet billing (インターネット請求開始の届出), and the notice (「電子請求登録結果に関するお知らせ」)

## The note of a 国保連合会 whose phone number the bot does not know ({ $name }: its official name).
contact-kokuhoren-no-tel = This bot has no phone number for this NHI federation (国保連合会). Find the phone number and how to submit the notification (届出) on its website. If the website does not open, search the web for "{ $name }".
contact-kokuhoren-no-tel-no-url = This bot has neither the phone number nor the website of this NHI federation (国保連合会). Please search the web for "{ $name }", and find the phone number and how to submit the notification (届出) on its website.

contact-software = Your billing software's own helpdesk
    .note = If you use billing software other than 国保中央会介護伝送ソフト, ask that software's own helpdesk. For 国保中央会介護伝送ソフト, it is the care transmission software helpdesk (介護伝送ソフトヘルプデスク), TEL 0570-059-401.
    .topic = Operating your billing software, and setting up internet billing in it

## Billing software other than 国保中央会介護伝送ソフト: the name and note without a contact in bot.toml, and the note with one (when it sets no note).
contact-software-other = The helpdesk of { $software }
contact-software-other-note = Find the helpdesk in your billing software's manual or on its website. The care transmission software helpdesk (介護伝送ソフトヘルプデスク) is the helpdesk for 国保中央会介護伝送ソフト.
contact-software-vendor-note = Ask this helpdesk about operating your billing software and setting up internet billing in it.

contact-vendor = The helpdesk of the vendor that files your claims
    .note = When a vendor files your claims, getting the electronic certificate, installing with the integrated installer (統合インストーラ) and some other steps (等) are not needed. Ask the vendor's helpdesk what preparation you need.
    .topic = What to prepare when a vendor files your claims, and the billing work itself
