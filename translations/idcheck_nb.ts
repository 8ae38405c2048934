<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Timeline</source>
        <extracomment>An entry was opened: its kind and record id.</extracomment>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nytt notat</translation>
    </message>
    <message>
        <source>A note for the case&apos;s record</source>
        <translation>Et notat i sakens journal</translation>
    </message>
    <message>
        <source>Add the &amp;note</source>
        <translation>Legg til &amp;notatet</translation>
    </message>
    <message>
        <source>Everything recorded on the case, oldest first. Enter opens an entry.</source>
        <translation>Alt som er registrert i saken, eldst først. Enter åpner en oppføring.</translation>
    </message>
    <message>
        <source>Change first &amp;contact…</source>
        <translation>Endre første &amp;kontakt…</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Oppgaver</translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation>Merk som &amp;utført…</translation>
    </message>
    <message>
        <source>&amp;Not needed…</source>
        <translation>&amp;Ikke nødvendig…</translation>
    </message>
    <message>
        <source>&amp;Take it</source>
        <translation>&amp;Ta den</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Gjenåpne…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Endre &amp;oppgaven…</translation>
    </message>
    <message>
        <source>&amp;Add a task…</source>
        <translation>&amp;Legg til en oppgave…</translation>
    </message>
    <message>
        <source>Due times count from first contact: {0}</source>
        <translation>Fristene regnes fra første kontakt: {0}</translation>
    </message>
    <message>
        <source>OVERDUE: {0} of {1} open tasks; due in the next 24 hours: {2}.</source>
        <translation>FORSINKET: {0} av {1} åpne oppgaver; frist innen 24 timer: {2}.</translation>
    </message>
    <message>
        <source>Nothing overdue ({1} open tasks); due in the next 24 hours: {2}.</source>
        <translation>Ingenting er forsinket ({1} åpne oppgaver); frist innen 24 timer: {2}.</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>&amp;Add a referral…</source>
        <translation>&amp;Legg til en henvisning…</translation>
    </message>
    <message>
        <source>Change its &amp;state…</source>
        <translation>Endre &amp;status…</translation>
    </message>
    <message>
        <source>&amp;Follow-up date…</source>
        <translation>&amp;Oppfølgingsdato…</translation>
    </message>
    <message>
        <source>Missing episodes</source>
        <translation>Forsvinninger</translation>
    </message>
    <message>
        <source>Went &amp;missing…</source>
        <translation>Ble &amp;borte…</translation>
    </message>
    <message>
        <source>&amp;Update the episode…</source>
        <translation>&amp;Oppdater forsvinningen…</translation>
    </message>
    <message>
        <source>⚠ MISSING since {0}: record when the child is found.</source>
        <translation>⚠ SAVNET siden {0}: registrer når barnet blir funnet.</translation>
    </message>
    <message>
        <source>No missing episode is open.</source>
        <translation>Ingen forsvinning er åpen.</translation>
    </message>
    <message>
        <source>The child has not been recorded as missing.</source>
        <translation>Barnet er ikke registrert som savnet.</translation>
    </message>
    <message>
        <source>Version shown</source>
        <translation>Versjon som vises</translation>
    </message>
    <message>
        <source>Plan entries</source>
        <translation>Punkter i planen</translation>
    </message>
    <message>
        <source>Add a &amp;row</source>
        <translation>Legg til en &amp;rad</translation>
    </message>
    <message>
        <source>Re&amp;move the row</source>
        <translation>&amp;Fjern raden</translation>
    </message>
    <message>
        <source>Next review</source>
        <translation>Neste gjennomgang</translation>
    </message>
    <message>
        <source>A next review is set</source>
        <translation>Neste gjennomgang er satt</translation>
    </message>
    <message>
        <source>What changed in this version</source>
        <translation>Hva som er endret i denne versjonen</translation>
    </message>
    <message>
        <source>&amp;Save as a new version</source>
        <translation>&amp;Lagre som ny versjon</translation>
    </message>
    <message>
        <source>Save the plan as &amp;PDF…</source>
        <translation>Lagre planen som &amp;PDF…</translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}.</source>
        <translation>Versjon {0}, lagret av {1} {2}.</translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}; the earlier version is kept.</source>
        <translation>Versjon {0}, lagret av {1} {2}; den tidligere versjonen er tatt vare på.</translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}; the {3} earlier versions are kept.</source>
        <translation>Versjon {0}, lagret av {1} {2}; de {3} tidligere versjonene er tatt vare på.</translation>
    </message>
    <message>
        <source>Save the plan as PDF</source>
        <translation>Lagre planen som PDF</translation>
    </message>
    <message>
        <source>&amp;Print the plan…</source>
        <translation type="vanished">&amp;Skriv ut planen…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Gjennomgang</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>No plan is saved yet: write the child&apos;s needs below.</source>
        <translation>Ingen plan er lagret ennå: skriv barnets behov nedenfor.</translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}; earlier versions are kept: {3}.</source>
        <translation type="vanished">Versjon {0}, lagret av {1} {2}; tidligere versjoner som er tatt vare på: {3}.</translation>
    </message>
    <message>
        <source>version {0}</source>
        <translation>versjon {0}</translation>
    </message>
    <message>
        <source>Printing the plan comes with the plan&apos;s document.</source>
        <translation type="vanished">Utskrift av planen kommer med planens dokument.</translation>
    </message>
    <message>
        <source>The review date in row {0} is not a date (YYYY-MM-DD): {1}</source>
        <translation>Gjennomgangsdatoen i rad {0} er ikke en dato (ÅÅÅÅ-MM-DD): {1}</translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation>Individuell plan</translation>
    </message>
    <message>
        <source>Print the plan</source>
        <translation type="vanished">Skriv ut planen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The plan is saved: {0}</source>
        <translation>Planen er lagret: {0}</translation>
    </message>
    <message>
        <source>known</source>
        <translation>kjent</translation>
    </message>
    <message>
        <source>{0}: known</source>
        <translation>{0}: kjent</translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation>Legg til en oppgave</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>Hva som skal gjøres</translation>
    </message>
    <message>
        <source>Responsible role</source>
        <translation>Ansvarlig rolle</translation>
    </message>
    <message>
        <source>e.g. social worker</source>
        <translation>f.eks. saksbehandler i barnevernet</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>name or number</source>
        <translation>navn eller nummer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>I take this task</source>
        <translation>Jeg tar denne oppgaven</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Say what is to be done.</source>
        <translation>Skriv hva som skal gjøres.</translation>
    </message>
    <message>
        <source>Not needed: {0}</source>
        <translation>Ikke nødvendig: {0}</translation>
    </message>
    <message>
        <source>Done: {0}</source>
        <translation>Utført: {0}</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Say why the task is not needed.</source>
        <translation>Skriv hvorfor oppgaven ikke er nødvendig.</translation>
    </message>
    <message>
        <source>Open again: {0}</source>
        <translation>Åpne igjen: {0}</translation>
    </message>
    <message>
        <source>Say why the task is open again.</source>
        <translation>Skriv hvorfor oppgaven åpnes igjen.</translation>
    </message>
    <message>
        <source>Add a referral</source>
        <translation>Legg til en henvisning</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Sendt til</translation>
    </message>
    <message>
        <source>contact or agency</source>
        <translation>kontakt eller instans</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Hvordan den ble sendt</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Følg opp</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>Say to whom it was sent.</source>
        <translation>Skriv hvem den ble sendt til.</translation>
    </message>
    <message>
        <source>Referral to {0}</source>
        <translation>Henvisning til {0}</translation>
    </message>
    <message>
        <source>New state</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>A declined referral needs the reason it was declined.</source>
        <translation>En avslått henvisning trenger begrunnelsen for avslaget.</translation>
    </message>
    <message>
        <source>Missing episode</source>
        <translation>Forsvinning</translation>
    </message>
    <message>
        <source>Went missing</source>
        <translation>Ble borte</translation>
    </message>
    <message>
        <source>Last seen where</source>
        <translation>Sist sett hvor</translation>
    </message>
    <message>
        <source>Reported to the police</source>
        <translation>Meldt til politiet</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Meldt av</translation>
    </message>
    <message>
        <source>Police reference</source>
        <translation>Politiets referanse</translation>
    </message>
    <message>
        <source>Found or returned</source>
        <translation>Funnet eller kommet tilbake</translation>
    </message>
    <message>
        <source>Found where</source>
        <translation>Funnet hvor</translation>
    </message>
    <message>
        <source>Return interview</source>
        <translation>Samtale etter hjemkomst</translation>
    </message>
    <message>
        <source>Interview by</source>
        <translation>Samtale holdt av</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Første kontakt</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Begrunnelse for endringen</translation>
    </message>
    <message>
        <source>Every due time counts from this moment: when the child first came to notice.</source>
        <translation>Alle frister regnes fra dette tidspunktet: da barnet først ble kjent for tjenesten.</translation>
    </message>
    <message>
        <source>Say why the first contact changes.</source>
        <translation>Skriv hvorfor første kontakt endres.</translation>
    </message>
    <message>
        <source>by {0}</source>
        <translation>av {0}</translation>
    </message>
    <message>
        <source>{0} of {1}: {2}</source>
        <translation>{0} av {1}: {2}</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <extracomment>A task is &quot;due soon&quot; when its deadline is within this many seconds.</extracomment>
        <translation>{0} d {1} t</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} t {1} min</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <source>done {0} by {1}</source>
        <translation>utført {0} av {1}</translation>
    </message>
    <message>
        <source>not needed: {0}</source>
        <translation>ikke nødvendig: {0}</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>ingen frist</translation>
    </message>
    <message>
        <source>OVERDUE by {0}</source>
        <translation>FORSINKET med {0}</translation>
    </message>
    <message>
        <source>due in {0}</source>
        <translation>frist om {0}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>utført</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>ikke nødvendig</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>forsinket</translation>
    </message>
    <message>
        <source>due soon</source>
        <translation>frist snart</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åpen</translation>
    </message>
    <message>
        <source>screener</source>
        <translation>den som kartla</translation>
    </message>
    <message>
        <source>taken by {0}</source>
        <translation>tatt av {0}</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>ingen ennå</translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Where a referral may go from each state (the store refuses the others).</extracomment>
        <translation>ingen</translation>
    </message>
    <message>
        <source>{0}, version {1}</source>
        <translation>{0}, versjon {1}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>set to {0}: {1}</source>
        <translation>satt til {0}: {1}</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0}: due {1} (was {2})</source>
        <translation>{0}: frist {1} (før {2})</translation>
    </message>
    <message>
        <source>{0}: follow up on {1} (was {2})</source>
        <translation>{0}: følges opp {1} (før {2})</translation>
    </message>
    <message>
        <source>{0}: the note is now: {1}</source>
        <translation>{0}: merknaden lyder nå: {1}</translation>
    </message>
    <message>
        <source>{0} (was: {1})</source>
        <translation>{0} (var: {1})</translation>
    </message>
    <message>
        <source>{0}. Reason: {1}</source>
        <translation>{0}. Begrunnelse: {1}</translation>
    </message>
    <message>
        <source>MISSING now</source>
        <translation>SAVNET nå</translation>
    </message>
    <message>
        <source>found; no return interview yet</source>
        <translation>funnet; ingen samtale etter hjemkomst ennå</translation>
    </message>
    <message>
        <source>found; return interview held</source>
        <translation>funnet; samtale etter hjemkomst holdt</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>SAVNET</translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation>{0} forsinket</translation>
    </message>
    <message>
        <source>{0} due soon</source>
        <translation>{0} med frist snart</translation>
    </message>
    <message>
        <source>The child is missing: an episode is open.</source>
        <translation>Barnet er savnet: en forsvinning er åpen.</translation>
    </message>
    <message>
        <source>Tasks overdue: {0}.</source>
        <translation>Forsinkede oppgaver: {0}.</translation>
    </message>
    <message>
        <source>Tasks due in the next 24 hours: {0}.</source>
        <translation>Oppgaver med frist innen 24 timer: {0}.</translation>
    </message>
    <message>
        <source>Nothing overdue or due soon.</source>
        <translation>Ingenting forsinket eller med frist snart.</translation>
    </message>
    <message>
        <source>My work</source>
        <extracomment>How often the page looks at the clock (milliseconds). Open a case at its tasks: the case id and the task id. The rows shown, and when they stop being true (window clock).</extracomment>
        <translation>Mitt arbeid</translation>
    </message>
    <message>
        <source>My tasks overdue or due today</source>
        <translation>Mine oppgaver som er forsinket eller har frist i dag</translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation>&amp;Åpne saken</translation>
    </message>
    <message>
        <source>Go to the &amp;case list</source>
        <translation>Gå til &amp;sakslisten</translation>
    </message>
    <message>
        <source>{0}: your open tasks that are overdue or due before the end of today, soonest first, with the unassigned ones of the cases you opened and those of disabled accounts, until someone takes them.</source>
        <translation>{0}: dine åpne oppgaver som er forsinket eller har frist før dagen er omme, den nærmeste først, med oppgavene uten ansvarlig i sakene du opprettet og oppgavene til deaktiverte brukere, til noen tar dem.</translation>
    </message>
    <message>
        <source>{0}: your open tasks that are overdue or due before the end of today, soonest first, with the unassigned ones of the cases you opened.</source>
        <translation type="vanished">{0}: dine åpne oppgaver som er forsinket eller har frist før dagen er omme, den nærmeste først, med oppgavene uten ansvarlig i sakene du opprettet.</translation>
    </message>
    <message>
        <source>Nothing is overdue or due today.</source>
        <translation>Ingenting er forsinket eller har frist i dag.</translation>
    </message>
    <message>
        <source>OVERDUE: {0}. Due later today: {1}.</source>
        <translation>FORSINKET: {0}. Frist senere i dag: {1}.</translation>
    </message>
    <message>
        <source>Due today: {0}. Overdue: none.</source>
        <translation>Frist i dag: {0}. Forsinket: ingen.</translation>
    </message>
    <message>
        <source>{0} tasks: {1} OVERDUE, the rest due today.</source>
        <translation type="vanished">{0} oppgaver: {1} FORSINKET, resten har frist i dag.</translation>
    </message>
    <message>
        <source>{0} tasks due today; none overdue.</source>
        <translation type="vanished">{0} oppgaver med frist i dag; ingen forsinket.</translation>
    </message>
    <message>
        <source>Change the task</source>
        <translation>Endre oppgaven</translation>
    </message>
    <message>
        <source>Reason for the new due time</source>
        <translation>Begrunnelse for den nye fristen</translation>
    </message>
    <message>
        <source>Say why the due time changes.</source>
        <translation>Skriv hvorfor fristen endres.</translation>
    </message>
    <message>
        <source>Follow-up of the referral to {0}</source>
        <translation>Oppfølging av henvisningen til {0}</translation>
    </message>
    <message>
        <source>The referral&apos;s follow-up task moves with the date, or closes without one.</source>
        <translation>Oppfølgingsoppgaven for henvisningen flyttes med datoen, eller lukkes uten en dato.</translation>
    </message>
    <message>
        <source>Say why the follow-up date changes.</source>
        <translation>Skriv hvorfor oppfølgingsdatoen endres.</translation>
    </message>
</context>
<context>
    <name>AddRecipientDialog</name>
    <message>
        <source>Add a recipient</source>
        <translation>Legg til en mottaker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Public key or card</source>
        <translation>Offentlig nøkkel eller kort</translation>
    </message>
    <message>
        <source>Paste the public card (idcheck keys show) or the age public key (age1…)</source>
        <translation>Lim inn det offentlige kortet (idcheck keys show) eller den offentlige age-nøkkelen (age1…)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Legg til</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Offentlig nøkkel</translation>
    </message>
    <message>
        <source>Add a site or an agency that cases may be sent to. Only its public key goes here: never a private key.</source>
        <translation>Legg til et sted eller en etat som saker kan sendes til. Bare den offentlige nøkkelen skal hit, aldri en privat nøkkel.</translation>
    </message>
    <message>
        <source>That was a private key. It must never leave its owner, and it was not kept: the box and the clipboard are emptied. Ask for the public key only (age1…, or the site&apos;s card).</source>
        <translation>Det var en privat nøkkel. Den skal aldri forlate eieren, og den ble ikke tatt vare på: feltet og utklippstavlen er tømt. Be bare om den offentlige nøkkelen (age1…, eller stedets kort).</translation>
    </message>
    <message>
        <source>This is not a public key: {0}</source>
        <translation>Dette er ikke en offentlig nøkkel: {0}</translation>
    </message>
    <message>
        <source>an idcheck site</source>
        <translation>et idcheck-sted</translation>
    </message>
    <message>
        <source>an agency</source>
        <translation>en etat</translation>
    </message>
    <message>
        <source>This is {0}. Its fingerprint is:

    {1}

Ask them to read you theirs (by phone or in person): add it only if it is the same.</source>
        <translation>Dette er {0}. Fingeravtrykket er:

    {1}

Be dem lese opp sitt (på telefon eller ansikt til ansikt): legg det bare til hvis det er det samme.</translation>
    </message>
    <message>
        <source>Give the recipient a name.</source>
        <translation>Gi mottakeren et navn.</translation>
    </message>
    <message>
        <source>Add {0} with the fingerprint {1}?

Only if it is the fingerprint read to you.</source>
        <translation>Legge til {0} med fingeravtrykket {1}?

Bare hvis det er fingeravtrykket som ble lest opp for deg.</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation>Administrasjon</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Brukere</translation>
    </message>
    <message>
        <source>Local c&amp;ontacts</source>
        <translation>Lokale &amp;kontakter</translation>
    </message>
    <message>
        <source>Reci&amp;pients</source>
        <translation>&amp;Mottakere</translation>
    </message>
    <message>
        <source>Setti&amp;ngs</source>
        <translation>&amp;Innstillinger</translation>
    </message>
    <message>
        <source>&amp;Backup and check</source>
        <translation>Sikkerhetskopi og k&amp;ontroll</translation>
    </message>
    <message>
        <source>Local &amp;contacts</source>
        <translation type="vanished">Lokale &amp;kontakter</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="vanished">&amp;Innstillinger</translation>
    </message>
    <message>
        <source>Backup and &amp;check</source>
        <translation type="vanished">Sikkerhetskopi og k&amp;ontroll</translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation>St&amp;atistikk…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
</context>
<context>
    <name>Answer</name>
    <message>
        <source>I observed it</source>
        <extracomment>Where an answer comes from: the worker saw it, the child said it, another person said it, or a document shows it. A source as the worker chooses it while answering (first person).</extracomment>
        <translation>Jeg har sett det selv</translation>
    </message>
    <message>
        <source>The child said it</source>
        <translation>Barnet har sagt det</translation>
    </message>
    <message>
        <source>Another person said it</source>
        <translation>En annen person har sagt det</translation>
    </message>
    <message>
        <source>A document shows it</source>
        <translation>Et dokument viser det</translation>
    </message>
    <message>
        <source>observed by the worker</source>
        <extracomment>A source as a document states it to its reader (third person).</extracomment>
        <translation>observert av fagpersonen</translation>
    </message>
    <message>
        <source>the child said</source>
        <translation>barnet sa</translation>
    </message>
    <message>
        <source>another person said</source>
        <translation>en annen person sa</translation>
    </message>
    <message>
        <source>a document shows</source>
        <translation>et dokument viser</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The answers every indicator and yes-no question shares, and the specials.</extracomment>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>usikker</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>ikke spurt</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>ville ikke svare</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Case {0}</source>
        <translation>Sak {0}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>gives {0}, assessed {1}</source>
        <translation>oppgir {0}, vurdert {1}</translation>
    </message>
    <message>
        <source> (disputed)</source>
        <translation> (omstridt)</translation>
    </message>
    <message>
        <source>female</source>
        <translation>jente</translation>
    </message>
    <message>
        <source>male</source>
        <translation>gutt</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kjønn</translation>
    </message>
    <message>
        <source>Date of birth the child gives</source>
        <translation>Fødselsdato barnet oppgir</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nasjonalitet</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation>Identifisert av</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Accompanying adult</source>
        <translation>Voksen som følger barnet</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>The child may be under 18: treat them as a child until their age is assessed.</source>
        <translation>Barnet kan være under 18 år og skal behandles som barn til alderen er vurdert.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Sjekkliste</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fullført</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <source>Amends</source>
        <translation>Endrer</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>Kartlegginger</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>utkast</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>fullført</translation>
    </message>
    <message>
        <source>amended by #{0}</source>
        <translation>endret ved #{0}</translation>
    </message>
    <message>
        <source>&amp;Open screening</source>
        <translation>&amp;Åpne kartleggingen</translation>
    </message>
    <message>
        <source>&amp;Resume the draft</source>
        <translation>&amp;Fortsett utkastet</translation>
    </message>
    <message>
        <source>&amp;New screening</source>
        <translation>&amp;Ny kartlegging</translation>
    </message>
    <message>
        <source>Close the &amp;case…</source>
        <translation>Avslutt &amp;saken…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Case and screenings</source>
        <translation>Sak og kartlegginger</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Eksporter…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Oppgaver</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation>Individuell plan</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Savnet</translation>
    </message>
    <message>
        <source>⚠ MISSING since {0}</source>
        <translation>⚠ SAVNET siden {0}</translation>
    </message>
    <message>
        <source>⚠ {0} OVERDUE</source>
        <translation>⚠ {0} FORSINKET</translation>
    </message>
    <message>
        <source>{0} due soon</source>
        <translation>{0} med frist snart</translation>
    </message>
    <message>
        <source>⚠ Missing now</source>
        <translation>⚠ Savnet nå</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>New case</source>
        <translation>Ny sak</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Saksreferanse</translation>
    </message>
    <message>
        <source>Given name (optional)</source>
        <translation>Fornavn (valgfritt)</translation>
    </message>
    <message>
        <source>Family name (optional)</source>
        <translation>Etternavn (valgfritt)</translation>
    </message>
    <message>
        <source>Age the child gives</source>
        <translation>Alder barnet oppgir</translation>
    </message>
    <message>
        <source>Assessed age</source>
        <translation>Vurdert alder</translation>
    </message>
    <message>
        <source>Age is disputed</source>
        <translation>Alderen er omstridt</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kjønn</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>female</source>
        <translation>jente</translation>
    </message>
    <message>
        <source>male</source>
        <translation>gutt</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annet</translation>
    </message>
    <message>
        <source>police</source>
        <extracomment>Who identified the child, as the form lists them (the statistics count them).</extracomment>
        <translation>politiet</translation>
    </message>
    <message>
        <source>immigration authority</source>
        <translation>utlendingsmyndighetene</translation>
    </message>
    <message>
        <source>health service</source>
        <translation>helsetjenesten</translation>
    </message>
    <message>
        <source>child welfare service</source>
        <translation>barnevernet</translation>
    </message>
    <message>
        <source>voluntary organisation (NGO)</source>
        <translation>frivillig organisasjon (NGO)</translation>
    </message>
    <message>
        <source>Date of birth the child gives (YYYY-MM-DD)</source>
        <translation>Fødselsdato barnet oppgir (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nasjonalitet</translation>
    </message>
    <message>
        <source>Languages the child speaks</source>
        <translation>Språk barnet snakker</translation>
    </message>
    <message>
        <source>for example: Arabic, French</source>
        <translation>for eksempel: arabisk, fransk</translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation>Identifisert av</translation>
    </message>
    <message>
        <source>Accompanying adult</source>
        <translation>Voksen som følger barnet</translation>
    </message>
    <message>
        <source>Relation the adult states</source>
        <translation>Relasjon den voksne oppgir</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Date of birth the child gives</source>
        <translation>Fødselsdato barnet oppgir</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>The case reference must be one line of text: it holds a line break or an invisible character. Type it again.</source>
        <translation>Saksreferansen må være én linje tekst: den inneholder et linjeskift eller et usynlig tegn. Skriv den inn på nytt.</translation>
    </message>
    <message>
        <source>The date of birth {0} does not exist: check the month and the day.</source>
        <translation>Fødselsdatoen {0} finnes ikke: sjekk måneden og dagen.</translation>
    </message>
    <message>
        <source>The date of birth {0} is not a date: write it as YYYY-MM-DD.</source>
        <translation>Fødselsdatoen {0} er ikke en dato: skriv den som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>The date of birth {0} is in the future.</source>
        <translation>Fødselsdatoen {0} ligger i fremtiden.</translation>
    </message>
    <message>
        <source>The child may be under 18: treat them as a child until their age is assessed.</source>
        <translation>Barnet kan være under 18 år og skal behandles som barn til alderen er vurdert.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <extracomment>Rows read from the store and given to the view at a time (the first page, then one more each time the view is scrolled to its end). Sorted anew, the list is read down to the case selected if it is among this many rows, so it stays selected. The value of a row in each of the store&apos;s orders: what the next page is read below.</extracomment>
        <translation>Referanse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Varsel</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Oppfølging</translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation>Kartlegginger</translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation>Siste utfall</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Oppdatert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>A draft of this case recorded an answer that stops the screening for immediate danger.</source>
        <translation>Et utkast i denne saken har registrert et svar som stopper kartleggingen på grunn av akutt fare.</translation>
    </message>
    <message>
        <source>DANGER STOP</source>
        <extracomment>The column that marks a draft in which the danger stop fired. The follow-up: an open missing episode, overdue and due-soon tasks, in words with an icon (colour only repeats them). The column the list is sorted by at first (newest first). The columns the store reads the list in the order of, a page at a time.</extracomment>
        <translation>FARESTOPP</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åpen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avsluttet</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>any time</source>
        <translation>når som helst</translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation>siste 7 dager</translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation>siste 30 dager</translation>
    </message>
    <message>
        <source>last 12 months</source>
        <translation>siste 12 måneder</translation>
    </message>
    <message>
        <source>Cases</source>
        <extracomment>The administration, at its Site tab.</extracomment>
        <translation>Saker</translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation>Søk i sakene</translation>
    </message>
    <message>
        <source>Search reference or name</source>
        <translation>Søk på referanse eller navn</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter for status</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>alle saker</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åpne</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avsluttede</translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation>Filter for utfall</translation>
    </message>
    <message>
        <source>any outcome</source>
        <translation>alle utfall</translation>
    </message>
    <message>
        <source>Period filter</source>
        <translation>Filter for tidsrom</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Ny sak</translation>
    </message>
    <message>
        <source>Open &amp;case</source>
        <translation>&amp;Åpne sak</translation>
    </message>
    <message>
        <source>&amp;Screen / resume</source>
        <translation>&amp;Kartlegg / fortsett</translation>
    </message>
    <message>
        <source>&amp;Open last screening</source>
        <translation>Åpne siste ka&amp;rtlegging</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Eksporter…</translation>
    </message>
    <message>
        <source>&amp;My work</source>
        <translation>&amp;Mitt arbeid</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administrasjon</translation>
    </message>
    <message>
        <source>My &amp;password</source>
        <translation>Mitt &amp;passord</translation>
    </message>
    <message>
        <source>S&amp;witch user</source>
        <translation>&amp;Bytt bruker</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>The site is not set up: referrals cannot print the site&apos;s name or choose its country&apos;s referral routes until an administrator sets them.</source>
        <translation>Stedet er ikke satt opp: henvisninger kan ikke skrive ut stedets navn eller velge landets henvisningsruter før en administrator har lagt dem inn.</translation>
    </message>
    <message>
        <source>Set &amp;up the site…</source>
        <translation>&amp;Sett opp stedet…</translation>
    </message>
    <message>
        <source>Signed in: {0}</source>
        <translation>Logget inn: {0}</translation>
    </message>
    <message>
        <source>The newest {0} cases are shown: search or filter to find others.</source>
        <translation type="vanished">De {0} nyeste sakene vises: søk eller filtrer for å finne andre.</translation>
    </message>
    <message>
        <source>Cases shown: {0}</source>
        <translation>Saker som vises: {0}</translation>
    </message>
    <message>
        <source>{0} cases</source>
        <translation type="vanished">Saker: {0}</translation>
    </message>
    <message>
        <source>Start a screening</source>
        <translation>Start en kartlegging</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Sjekkliste</translation>
    </message>
    <message>
        <source>Close case {0}? It stays readable; the retention time starts now.</source>
        <translation>Avslutte sak {0}? Saken kan fortsatt leses, og oppbevaringstiden begynner å løpe nå.</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>Avslutt saken</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Åpningstid</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Local contacts</source>
        <translation>Lokale kontakter</translation>
    </message>
    <message>
        <source>Add a &amp;contact</source>
        <translation>Legg til en ko&amp;ntakt</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="vanished">&amp;Fjern</translation>
    </message>
    <message>
        <source>&amp;Load a site directory file…</source>
        <translation>&amp;Hent en fil med lokale kontakter…</translation>
    </message>
    <message>
        <source>&amp;Save contacts</source>
        <translation>&amp;Lagre kontaktene</translation>
    </message>
    <message>
        <source>Names starting with EXAMPLE are placeholders. Check every number before the tool is used with children.</source>
        <translation>Navn som begynner med EXAMPLE, er plassholdere. Kontroller hvert nummer før verktøyet brukes med barn.</translation>
    </message>
    <message>
        <source>Load a site directory</source>
        <translation>Hent lokale kontakter</translation>
    </message>
    <message>
        <source>Directory files (*.yaml *.yml)</source>
        <translation>Kontaktfiler (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Contacts saved: {0}.</source>
        <translation>Kontakter lagret: {0}.</translation>
    </message>
    <message>
        <source>{0} contacts saved.</source>
        <translation type="vanished">Kontakter lagret: {0}.</translation>
    </message>
</context>
<context>
    <name>DangerDialog</name>
    <message>
        <source>Immediate danger: stop the screening</source>
        <translation>Akutt fare: stopp kartleggingen</translation>
    </message>
    <message>
        <source>This screening recorded an immediate danger. Make sure it has been acted on before you go on.</source>
        <translation>Det er registrert akutt fare i denne kartleggingen. Sørg for at dette er fulgt opp før du går videre.</translation>
    </message>
    <message>
        <source>Whom to call:</source>
        <translation>Hvem du skal ringe:</translation>
    </message>
    <message>
        <source>I have read this and am acting on it</source>
        <translation>Jeg har lest dette og følger det opp</translation>
    </message>
    <message>
        <source>Acknowledge the immediate danger</source>
        <translation>Bekreft at du har sett varselet om akutt fare</translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <source>&amp;Back up the store…</source>
        <translation type="vanished">&amp;Ta sikkerhetskopi av datalageret…</translation>
    </message>
    <message>
        <source>Back up the &amp;store…</source>
        <translation>&amp;Ta sikkerhetskopi av datalageret…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Gjenopprett fra en sikkerhetskopi…</translation>
    </message>
    <message>
        <source>&amp;Check the audit trail and the file</source>
        <translation>Kont&amp;roller loggen og filen</translation>
    </message>
    <message>
        <source>Audit anchor from a referral</source>
        <translation>Kontrollverdi fra en henvisning</translation>
    </message>
    <message>
        <source>e.g. 1234:0a1b2c3d4e5f</source>
        <translation>f.eks. 1234:0a1b2c3d4e5f</translation>
    </message>
    <message>
        <source>&amp;Anchor from a printed referral (optional):</source>
        <translation>Kontrollverdi fra en utskrevet &amp;henvisning (valgfritt):</translation>
    </message>
    <message>
        <source>A backup is one encrypted file: the same passwords and the recovery key open it. Keep it on a drive that stays in the office.</source>
        <translation>En sikkerhetskopi er én kryptert fil som åpnes med de samme passordene og gjenopprettingsnøkkelen. Oppbevar den på en disk som blir på kontoret.</translation>
    </message>
    <message>
        <source>Every referral prints the audit trail&apos;s head (such as 1234:0a1b2c3d4e5f) on each page. Checked against it, the trail must reach that row unchanged: without one, the check cannot show rows cut off the end of the trail.</source>
        <translation>Hver henvisning skriver loggens siste kontrollverdi (for eksempel 1234:0a1b2c3d4e5f) på hver side. Kontrollert mot den må loggen nå fram til den raden uendret: uten den kan kontrollen ikke vise rader som er kuttet bort fra slutten av loggen.</translation>
    </message>
    <message>
        <source>Back up the store</source>
        <translation>Ta sikkerhetskopi av datalageret</translation>
    </message>
    <message>
        <source>idcheck backups (*.idcheck-backup)</source>
        <translation>idcheck-sikkerhetskopier (*.idcheck-backup)</translation>
    </message>
    <message>
        <source>Backup written to {0}</source>
        <translation>Sikkerhetskopien er lagret i {0}</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="vanished">Skriver sikkerhetskopien…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Gjenopprett fra en sikkerhetskopi</translation>
    </message>
    <message>
        <source>idcheck backups (*.idcheck-backup *)</source>
        <translation>idcheck-sikkerhetskopier (*.idcheck-backup *)</translation>
    </message>
    <message>
        <source>Replace everything in this store with the backup {0}? The window locks, the backup is checked in full first, and the replaced files are kept beside it.</source>
        <translation>Erstatte alt i dette datalageret med sikkerhetskopien {0}? Vinduet låses, hele sikkerhetskopien kontrolleres først, og filene som erstattes, blir liggende ved siden av.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gjenopprett</translation>
    </message>
    <message>
        <source>Your password, to open the backup:</source>
        <translation>Passordet ditt, for å åpne sikkerhetskopien:</translation>
    </message>
    <message>
        <source>{0} is not an audit anchor: it is the row number, a colon and at least 8 letters and digits of its hash, as printed on a referral.</source>
        <translation>{0} er ikke en kontrollverdi: den er radnummeret, et kolon og minst 8 bokstaver og sifre av kontrollsummen, slik den står på en henvisning.</translation>
    </message>
    <message>
        <source>Everything checks.</source>
        <translation>Alt er i orden.</translation>
    </message>
    <message>
        <source>Problems found. Restore a backup that checks, and keep this store&apos;s file for whoever looks into it:</source>
        <translation>Fant problemer. Gjenopprett en sikkerhetskopi som er i orden, og ta vare på filen til dette datalageret for den som skal undersøke den:</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation type="vanished">Fant problemer:</translation>
    </message>
    <message>
        <source>{0} audit rows; head {1}</source>
        <translation>Hendelser i loggen: {0}; siste kontrollverdi {1}</translation>
    </message>
    <message>
        <source>Checking the store…</source>
        <translation type="vanished">Kontrollerer datalageret…</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>A checklist could not be read; nothing was changed:
{0}</source>
        <translation type="vanished">En sjekkliste kunne ikke leses; ingenting ble endret:
{0}</translation>
    </message>
    <message>
        <source>The package was not imported: {0}</source>
        <translation>Pakken ble ikke importert: {0}</translation>
    </message>
    <message>
        <source>The file could not be read; nothing was changed:
{0}</source>
        <translation>Filen kunne ikke leses; ingenting ble endret:
{0}</translation>
    </message>
    <message>
        <source>The document cannot be made: this computer has no font for some of its text. Nothing was saved. {0}</source>
        <translation>Dokumentet kan ikke lages: denne datamaskinen har ingen skrift for noe av teksten. Ingenting ble lagret. {0}</translation>
    </message>
    <message>
        <source>That file cannot be written: {0}</source>
        <translation>Den filen kan ikke skrives: {0}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Ikke lagret: {0}</translation>
    </message>
    <message>
        <source>Wrong password: {0}</source>
        <translation>Feil passord: {0}</translation>
    </message>
    <message>
        <source>Your role does not allow this: {0}</source>
        <translation>Rollen din tillater ikke dette: {0}</translation>
    </message>
    <message>
        <source>A completed screening is never changed; amend it instead. ({0})</source>
        <translation>En fullført kartlegging endres aldri; endre den som en ny, koblet registrering i stedet. ({0})</translation>
    </message>
    <message>
        <source>The store is locked; unlock it to go on. ({0})</source>
        <translation>Datalageret er låst; lås det opp for å fortsette. ({0})</translation>
    </message>
    <message>
        <source>The disk is full: this was not saved; everything saved before is intact. Free some space and try again. ({0})</source>
        <translation>Disken er full: dette ble ikke lagret; alt som ble lagret før, er i behold. Frigjør plass og prøv igjen. ({0})</translation>
    </message>
    <message>
        <source>The data folder cannot be written: {0}</source>
        <translation>Det går ikke å skrive i datamappen: {0}</translation>
    </message>
    <message>
        <source>A newer idcheck wrote this store; nothing was changed: {0}</source>
        <translation>Datalageret er skrevet av en nyere idcheck; ingenting ble endret: {0}</translation>
    </message>
    <message>
        <source>This is not an idcheck store; nothing was changed: {0}</source>
        <translation>Dette er ikke et idcheck-datalager; ingenting ble endret: {0}</translation>
    </message>
    <message>
        <source>There is no store here: {0}</source>
        <translation>Det finnes ikke noe datalager her: {0}</translation>
    </message>
    <message>
        <source>The store is damaged; restore a backup that checks: {0}</source>
        <translation>Datalageret er skadet; gjenopprett en sikkerhetskopi som består kontrollen: {0}</translation>
    </message>
    <message>
        <source>The store is open in another idcheck window: {0}</source>
        <translation>Datalageret er åpent i et annet idcheck-vindu: {0}</translation>
    </message>
    <message>
        <source>The store refused this: {0}</source>
        <translation>Datalageret avviste dette: {0}</translation>
    </message>
    <message>
        <source>The disk is full: the file was not written. Free some space or choose another drive.</source>
        <translation>Disken er full: filen ble ikke skrevet. Frigjør plass eller velg en annen disk.</translation>
    </message>
    <message>
        <source>That folder cannot be written (it is read-only, or you may not write there): the file was not written. Choose another folder.</source>
        <translation>Det går ikke å skrive i den mappen (den er skrivebeskyttet, eller du har ikke lov til å skrive der): filen ble ikke skrevet. Velg en annen mappe.</translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation>Filen kunne ikke skrives: {0}</translation>
    </message>
    <message>
        <source>The store could not be opened ({0}). Restore a backup or ask an administrator.</source>
        <translation>Lageret kunne ikke åpnes ({0}). Gjenopprett en sikkerhetskopi eller spør en administrator.</translation>
    </message>
    <message>
        <source>Too many failed tries. Wait {0} s.</source>
        <translation>For mange mislykkede forsøk. Vent {0} s.</translation>
    </message>
    <message>
        <source>That is not a recovery key: eight groups of four letters A-Z and digits 2-7.</source>
        <translation>Det er ikke en gjenopprettingsnøkkel: åtte grupper med fire bokstaver A–Z og sifre 2–7.</translation>
    </message>
    <message>
        <source>That recovery key does not open this store.</source>
        <translation>Den gjenopprettingsnøkkelen åpner ikke dette datalageret.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Feil brukernavn eller passord.</translation>
    </message>
    <message>
        <source>This account is disabled; a disabled account cannot be recovered.</source>
        <translation>Denne kontoen er deaktivert; en deaktivert konto kan ikke gjenopprettes.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Denne kontoen er deaktivert; spør en administrator.</translation>
    </message>
    <message>
        <source>There is no user of that name in this store.</source>
        <translation>Det finnes ingen bruker med det navnet i dette datalageret.</translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters.</source>
        <translation>Det nye passordet må ha minst 10 tegn.</translation>
    </message>
    <message>
        <source>The store is open in another idcheck window or command. Close it, then try again.</source>
        <translation>Datalageret er åpent i et annet idcheck-vindu eller en annen kommando. Lukk det, og prøv igjen.</translation>
    </message>
    <message>
        <source>This key no longer opens the store: the access was withdrawn (an account disabled, a password reset or a new recovery key), or the key files belong to another copy of the store. Ask an administrator.</source>
        <translation>Denne nøkkelen åpner ikke lenger datalageret: tilgangen ble trukket tilbake (en konto deaktivert, et passord tilbakestilt eller en ny gjenopprettingsnøkkel), eller nøkkelfilene hører til en annen kopi av datalageret. Spør en administrator.</translation>
    </message>
    <message>
        <source>The store is damaged; nothing was changed: {0}</source>
        <translation>Datalageret er skadet; ingenting ble endret: {0}</translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again: {0}</source>
        <translation>Disken er full; frigjør plass og prøv igjen: {0}</translation>
    </message>
    <message>
        <source>Nothing was replaced: that user name and password do not open the backup.</source>
        <translation>Ingenting ble erstattet: det brukernavnet og passordet åpner ikke sikkerhetskopien.</translation>
    </message>
    <message>
        <source>Nothing was replaced: a newer idcheck wrote this backup. ({0})</source>
        <translation>Ingenting ble erstattet: en nyere idcheck skrev denne sikkerhetskopien. ({0})</translation>
    </message>
    <message>
        <source>Nothing was replaced: the backup is damaged or is not an idcheck backup. ({0})</source>
        <translation>Ingenting ble erstattet: sikkerhetskopien er skadet eller er ikke en idcheck-sikkerhetskopi. ({0})</translation>
    </message>
    <message>
        <source>Nothing was replaced: {0}</source>
        <translation>Ingenting ble erstattet: {0}</translation>
    </message>
    <message>
        <source>The disk is full: the file was not written{0}. Free some space or choose another drive.</source>
        <translation type="vanished">Disken er full: filen ble ikke skrevet{0}. Frigjør plass eller velg en annen disk.</translation>
    </message>
    <message>
        <source>That folder cannot be written (it is read-only, or you may not write there){0}. Choose another folder.</source>
        <translation type="vanished">Det går ikke å skrive i den mappen (den er skrivebeskyttet, eller du har ikke lov til å skrive der){0}. Velg en annen mappe.</translation>
    </message>
    <message>
        <source>The file could not be written{0}: {1}</source>
        <translation type="vanished">Filen kunne ikke skrives{0}: {1}</translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <source>Exercise to run</source>
        <extracomment>The room&apos;s answers by key, as in the walk-through.</extracomment>
        <translation>Øvelsen som skal kjøres</translation>
    </message>
    <message>
        <source>The step, as the room sees it, and the trainer&apos;s notes</source>
        <translation>Steget slik deltakerne ser det, og kursholderens notater</translation>
    </message>
    <message>
        <source>The room answers:</source>
        <translation>Deltakerne svarer:</translation>
    </message>
    <message>
        <source>The room answers: {0}</source>
        <translation>Deltakerne svarer: {0}</translation>
    </message>
    <message>
        <source>The room&apos;s decision</source>
        <translation>Deltakernes beslutning</translation>
    </message>
    <message>
        <source>The room&apos;s &amp;decision</source>
        <translation>Deltakernes &amp;beslutning</translation>
    </message>
    <message>
        <source>The room&apos;s reasons</source>
        <translation>Deltakernes begrunnelse</translation>
    </message>
    <message>
        <source>The room&apos;s reasons (optional)</source>
        <translation>Deltakernes begrunnelse (valgfritt)</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>Vis &amp;fasit</translation>
    </message>
    <message>
        <source>Start a&amp;gain</source>
        <translation>Start på &amp;nytt</translation>
    </message>
    <message>
        <source>(not decided yet)</source>
        <translation>(ikke bestemt ennå)</translation>
    </message>
    <message>
        <source>The worker answered: {0} (not on the projector until the reveal).</source>
        <translation>Fagpersonen svarte: {0} (vises ikke på prosjektoren før fasiten).</translation>
    </message>
    <message>
        <source>Exercise: case {0} (synthetic)</source>
        <translation>Øvelse: sak {0} (oppdiktet)</translation>
    </message>
    <message>
        <source>Worked example: {0}</source>
        <translation>Eksempel med løsning: {0}</translation>
    </message>
    <message>
        <source>says {0} years old</source>
        <translation>oppgir å være {0} år</translation>
    </message>
    <message>
        <source>assessed at {0}</source>
        <translation>vurdert til {0}</translation>
    </message>
    <message>
        <source>age disputed</source>
        <translation>alderen er omstridt</translation>
    </message>
    <message>
        <source>The child</source>
        <translation>Barnet</translation>
    </message>
    <message>
        <source>How the child was met</source>
        <translation>Hvordan barnet ble møtt</translation>
    </message>
    <message>
        <source>An adult with the child</source>
        <translation>En voksen sammen med barnet</translation>
    </message>
    <message>
        <source>Step through what the worker found, item by item. For each sign, what would you answer? Then decide, and see what the rules suggest.</source>
        <translation>Gå gjennom det fagpersonen fant, punkt for punkt. Hva ville dere svart på hvert tegn? Bestem dere så, og se hva reglene foreslår.</translation>
    </message>
    <message>
        <source>These answers were given. Which outcome do the checklist&apos;s rules suggest, and which rules lead there?</source>
        <translation>Disse svarene ble gitt. Hvilket utfall foreslår sjekklistens regler, og hvilke regler fører dit?</translation>
    </message>
    <message>
        <source>item {0} of {1}</source>
        <translation>punkt {0} av {1}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Kilde: {0}</translation>
    </message>
    <message>
        <source>The worker&apos;s note</source>
        <translation>Fagpersonens notat</translation>
    </message>
    <message>
        <source>The room&apos;s answer</source>
        <translation>Deltakernes svar</translation>
    </message>
    <message>
        <source>(not yet: Y yes, N no, U unsure, D declined, S not asked)</source>
        <translation>(ikke ennå: Y ja, N nei, U usikker, D ville ikke svare, S ikke spurt)</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>What does the room decide?</source>
        <translation>Hva bestemmer deltakerne?</translation>
    </message>
    <message>
        <source>Which outcome do the rules suggest?</source>
        <translation>Hvilket utfall foreslår reglene?</translation>
    </message>
    <message>
        <source>The room says</source>
        <translation>Deltakerne sier</translation>
    </message>
    <message>
        <source>No rule fired: the checklist&apos;s default applies.</source>
        <translation>Ingen regel slo til: sjekklistens standardutfall gjelder.</translation>
    </message>
    <message>
        <source>because of: {0}</source>
        <translation>på grunn av: {0}</translation>
    </message>
    <message>
        <source>What the checklist&apos;s rules suggest</source>
        <translation>Hva sjekklistens regler foreslår</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <source>With the room&apos;s answers the rules suggest</source>
        <translation>Med deltakernes svar foreslår reglene</translation>
    </message>
    <message>
        <source>Where the room answered otherwise</source>
        <translation>Der deltakerne svarte annerledes</translation>
    </message>
    <message>
        <source>{0}: the room {1}, the worker {2}</source>
        <translation>{0}: deltakerne {1}, fagpersonen {2}</translation>
    </message>
    <message>
        <source>The worker decided</source>
        <translation>Fagpersonen bestemte</translation>
    </message>
    <message>
        <source>nothing yet: the screening is a draft</source>
        <translation>ingenting ennå: kartleggingen er et utkast</translation>
    </message>
    <message>
        <source>The room decided</source>
        <translation>Deltakerne bestemte</translation>
    </message>
    <message>
        <source>What this case teaches</source>
        <translation>Hva denne saken lærer oss</translation>
    </message>
    <message>
        <source>The rules suggest; the professional decides, and records the reasons.</source>
        <translation>Reglene foreslår; fagpersonen avgjør og registrerer begrunnelsen.</translation>
    </message>
    <message>
        <source>the reveal</source>
        <translation>fasit</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>Not exported</source>
        <translation>Ikke eksportert</translation>
    </message>
    <message>
        <source>Nothing was exported: {0}</source>
        <translation>Ingenting ble eksportert: {0}</translation>
    </message>
    <message>
        <source>Case exported</source>
        <translation>Saken er eksportert</translation>
    </message>
    <message>
        <source>The referral PDF, encrypted, was written to {0}.</source>
        <translation>Henvisningen (PDF), kryptert, ble skrevet til {0}.</translation>
    </message>
    <message>
        <source>The case was written to {0}.</source>
        <translation>Saken ble skrevet til {0}.</translation>
    </message>
    <message>
        <source>Only these recipients can open it:</source>
        <translation>Bare disse mottakerne kan åpne den:</translation>
    </message>
    <message>
        <source>  {0} (fingerprint {1})</source>
        <translation>  {0} (fingeravtrykk {1})</translation>
    </message>
    <message>
        <source>The agency opens it with its own key: age -d -i KEY.txt FILE &gt; referral.pdf</source>
        <translation>Etaten åpner den med sin egen nøkkel: age -d -i NØKKEL.txt FIL &gt; henvisning.pdf</translation>
    </message>
    <message>
        <source>SHA-256 of the file (recorded in the audit trail): {0}</source>
        <translation>Filens SHA-256 (ført i loggen): {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export case {0}</source>
        <translation>Eksporter sak {0}</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottakere</translation>
    </message>
    <message>
        <source>The &amp;whole case, for another idcheck site</source>
        <translation type="vanished">&amp;Hele saken, til et annet idcheck-sted</translation>
    </message>
    <message>
        <source>The &amp;referral PDF only, for an agency without idcheck (opened with age)</source>
        <translation type="vanished">Bare henvisningen (&amp;PDF), til en etat uten idcheck (åpnes med age)</translation>
    </message>
    <message>
        <source>The &amp;whole case</source>
        <translation>&amp;Hele saken</translation>
    </message>
    <message>
        <source>The &amp;referral PDF only</source>
        <translation>Bare henvisningen (&amp;PDF)</translation>
    </message>
    <message>
        <source>For another idcheck site, which imports it and merges it with what it has.</source>
        <translation>Til et annet idcheck-sted, som importerer den og slår den sammen med det stedet har.</translation>
    </message>
    <message>
        <source>For an agency without idcheck, which opens it with the standard age tool.</source>
        <translation>Til en etat uten idcheck, som åpner den med standardverktøyet age.</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Lagre i</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Velg…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksporter</translation>
    </message>
    <message>
        <source>The file is encrypted so that only the recipients chosen here can open it, and signed by this computer&apos;s store. Check each fingerprint with the recipient if you are unsure.</source>
        <translation>Filen krypteres slik at bare mottakerne som velges her, kan åpne den, og den signeres av datalageret på denne datamaskinen. Sjekk fingeravtrykket med mottakeren hvis du er usikker.</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Send til:</translation>
    </message>
    <message>
        <source>The directory has no recipient yet: an administrator adds them under Administration, Recipients.</source>
        <translation>Katalogen har ingen mottakere ennå: en administrator legger dem til under Administrasjon, Mottakere.</translation>
    </message>
    <message>
        <source>What to send:</source>
        <translation>Hva som sendes:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Lagre i:</translation>
    </message>
    <message>
        <source>Encrypted referrals (*.age);;All files (*)</source>
        <translation>Krypterte henvisninger (*.age);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Case packages (*.idcheck);;All files (*)</source>
        <translation>Sakspakker (*.idcheck);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Export a case</source>
        <translation>Eksporter en sak</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>Velg minst én mottaker.</translation>
    </message>
    <message>
        <source>The whole case to an agency?</source>
        <translation>Hele saken til en etat?</translation>
    </message>
    <message>
        <source>{0}: an agency without idcheck cannot import a case package; it would read the whole case as raw data. What an agency reads is the referral PDF. Send the whole case anyway?</source>
        <translation>{0}: en etat uten idcheck kan ikke importere en sakspakke; den ville lese hele saken som rådata. Det en etat leser, er henvisningen (PDF). Sende hele saken likevel?</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Velg hvor filen skal lagres.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Erstatte filen?</translation>
    </message>
    <message>
        <source>{0} exists already. Replace it with this export?</source>
        <translation>{0} finnes allerede. Erstatte den med denne eksporten?</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Administrator user name</source>
        <translation>Brukernavn for administratoren</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gjenta passordet</translation>
    </message>
    <message>
        <source>Create the encrypted store</source>
        <translation>Opprett det krypterte datalageret</translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation>Passord (minst 10 tegn)</translation>
    </message>
    <message>
        <source>Set up idcheck on this computer</source>
        <translation>Sett opp idcheck på denne datamaskinen</translation>
    </message>
    <message>
        <source>Everything you record is kept encrypted in {0}. Each person who uses this computer gets their own account.</source>
        <translation>Alt du registrerer, lagres kryptert i {0}. Hver person som bruker denne datamaskinen, får sin egen konto.</translation>
    </message>
    <message>
        <source>The site</source>
        <translation>Stedet</translation>
    </message>
    <message>
        <source>Referrals and letters name the site, print its phone and address, and list the referral routes of its jurisdiction. An administrator can change this later under Administration, Site.</source>
        <translation>Henvisninger og brev navngir stedet, skriver ut telefonnummer og adresse, og viser henvisningsrutene for jurisdiksjonen. En administrator kan endre dette senere under Administrasjon, Sted.</translation>
    </message>
    <message>
        <source>Set up</source>
        <translation>Oppsett</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De to passordene er ikke like.</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Need</source>
        <translation>Behov</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Tiltak</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Review on (YYYY-MM-DD)</source>
        <translation>Gjennomgås (ÅÅÅÅ-MM-DD)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Countdown</source>
        <extracomment>A cell shows at most this many characters (the tooltip and a screen reader get the whole text), so that a long task never pushes its due time aside.</extracomment>
        <translation>Nedtelling</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sak</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Følg opp</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Went missing</source>
        <translation>Ble borte</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Sist sett</translation>
    </message>
    <message>
        <source>Reported to the police</source>
        <translation>Meldt til politiet</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Funnet</translation>
    </message>
    <message>
        <source>Return interview</source>
        <translation>Samtale etter hjemkomst</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>på telefon</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>levert for hånd</translation>
    </message>
    <message>
        <source>encrypted file</source>
        <translation>kryptert fil</translation>
    </message>
    <message>
        <source>by post</source>
        <translation>i posten</translation>
    </message>
    <message>
        <source>by email</source>
        <translation>på e-post</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <source>received</source>
        <translation>mottatt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>akseptert</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>avslått</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>avsluttet</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Sak opprettet</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Første kontakt</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Kartlegging</translation>
    </message>
    <message>
        <source>Task finished</source>
        <translation>Oppgave avsluttet</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Henvisning</translation>
    </message>
    <message>
        <source>Referral state</source>
        <translation>Status for henvisning</translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation>Individuell plan</translation>
    </message>
    <message>
        <source>Task changed</source>
        <translation>Oppgave endret</translation>
    </message>
    <message>
        <source>Referral changed</source>
        <translation>Henvisning endret</translation>
    </message>
    <message>
        <source>Case created</source>
        <extracomment>The timeline&apos;s titles (the store&apos;s English keys), as the window says them.</extracomment>
        <translation>Sak opprettet</translation>
    </message>
    <message>
        <source>First contact changed</source>
        <translation>Første kontakt endret</translation>
    </message>
    <message>
        <source>Screening started</source>
        <translation>Kartlegging startet</translation>
    </message>
    <message>
        <source>Screening completed</source>
        <translation>Kartlegging fullført</translation>
    </message>
    <message>
        <source>Task added</source>
        <translation>Oppgave lagt til</translation>
    </message>
    <message>
        <source>Task done</source>
        <translation>Oppgave utført</translation>
    </message>
    <message>
        <source>Task not needed</source>
        <translation>Oppgave ikke nødvendig</translation>
    </message>
    <message>
        <source>Referral sent</source>
        <translation>Henvisning sendt</translation>
    </message>
    <message>
        <source>Referral received</source>
        <translation>Henvisning mottatt</translation>
    </message>
    <message>
        <source>Referral accepted</source>
        <translation>Henvisning akseptert</translation>
    </message>
    <message>
        <source>Referral declined</source>
        <translation>Henvisning avslått</translation>
    </message>
    <message>
        <source>Referral closed</source>
        <translation>Henvisning avsluttet</translation>
    </message>
    <message>
        <source>Plan saved</source>
        <translation>Plan lagret</translation>
    </message>
    <message>
        <source>Due time changed</source>
        <translation>Frist endret</translation>
    </message>
    <message>
        <source>Follow-up date changed</source>
        <translation>Oppfølgingsdato endret</translation>
    </message>
    <message>
        <source>This task is due on the referral&apos;s follow-up date: change that date on the Referrals tab.</source>
        <extracomment>The clocks of tasks whose due time is a date kept elsewhere.</extracomment>
        <translation>Denne oppgaven har frist på henvisningens oppfølgingsdato: endre datoen under fanen Henvisninger.</translation>
    </message>
    <message>
        <source>This task is due on the individual plan&apos;s review date: save the plan with a new date.</source>
        <translation>Denne oppgaven har frist på den individuelle planens gjennomgangsdato: lagre planen med en ny dato.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>{0}: a draft, not yet reviewed. Check it with your lead.</source>
        <extracomment>The key that opens the guide from anywhere in the window. The keys the search field hands to the list of sections.</extracomment>
        <translation>{0}: et utkast, ikke gjennomgått ennå. Sjekk det med lederen din.</translation>
    </message>
    <message>
        <source>{0}: reviewed by {1}.</source>
        <translation>{0}: gjennomgått av {1}.</translation>
    </message>
    <message>
        <source>{0}: reviewed.</source>
        <translation>{0}: gjennomgått.</translation>
    </message>
    <message>
        <source>For sites in: {0}</source>
        <translation>For steder i: {0}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Kilder</translation>
    </message>
    <message>
        <source>at: {0}</source>
        <translation>sted: {0}</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Søk i veilederen</translation>
    </message>
    <message>
        <source>Type words to find in the guide</source>
        <translation>Skriv ord du vil finne i veilederen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søk</translation>
    </message>
    <message>
        <source>Language of the guide</source>
        <translation>Veilederens språk</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Sp&amp;råk</translation>
    </message>
    <message>
        <source>Every &amp;place&apos;s duties</source>
        <translation>Pliktene på alle st&amp;eder</translation>
    </message>
    <message>
        <source>The site&apos;s place is not set: the duties of every place are shown.</source>
        <translation>Stedets land eller landsdel er ikke valgt: pliktene for alle steder vises.</translation>
    </message>
    <message>
        <source>Also the duties and numbers of places other than this site&apos;s ({0})</source>
        <translation>Også pliktene og numrene for andre steder enn dette stedets ({0})</translation>
    </message>
    <message>
        <source>Sections of the guide found</source>
        <translation>Deler av veilederen som ble funnet</translation>
    </message>
    <message>
        <source>The section of the guide</source>
        <translation>Delen av veilederen</translation>
    </message>
    <message>
        <source>Guide: {0} (version {1})</source>
        <translation>Veileder: {0} (versjon {1})</translation>
    </message>
    <message>
        <source>{0} of {1} sections</source>
        <translation>{0} av {1} deler</translation>
    </message>
    <message>
        <source>No section holds every word you typed.</source>
        <translation>Ingen del inneholder alle ordene du skrev.</translation>
    </message>
    <message>
        <source>Nothing in the guide holds every word of “{0}”. Try fewer words, or the guide&apos;s other language.</source>
        <translation>Ingenting i veilederen inneholder alle ordene i «{0}». Prøv færre ord, eller veilederens andre språk.</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Veileder</translation>
    </message>
    <message>
        <source>The guide could not be read; nothing was changed:
{0}</source>
        <translation>Veilederen kunne ikke leses; ingenting ble endret:
{0}</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Help: the guide</source>
        <translation>Hjelp: veilederen</translation>
    </message>
    <message>
        <source>&amp;Guide…</source>
        <translation>&amp;Veileder…</translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message>
        <source>Import a case package</source>
        <translation>Importer en sakspakke</translation>
    </message>
    <message>
        <source>Case packages (*.idcheck *.age);;All files (*)</source>
        <translation>Sakspakker (*.idcheck *.age);;Alle filer (*)</translation>
    </message>
    <message>
        <source>This package is from a site this computer does not know yet: {0}.

Its fingerprint is:

    {1}

Ask the sender to read you their fingerprint (by phone or in person). Import only if it is the same. Is it the same?</source>
        <translation>Denne pakken er fra et sted denne datamaskinen ikke kjenner ennå: {0}.

Fingeravtrykket er:

    {1}

Be avsenderen lese opp fingeravtrykket sitt for deg (på telefon eller ansikt til ansikt). Importer bare hvis det er det samme. Er det det samme?</translation>
    </message>
    <message>
        <source>no name given</source>
        <translation>uten navn</translation>
    </message>
    <message>
        <source>A sender not known yet</source>
        <translation>En avsender som ikke er kjent ennå</translation>
    </message>
    <message>
        <source>Package imported</source>
        <translation>Pakken er importert</translation>
    </message>
    <message>
        <source>From {0} (fingerprint {1}).</source>
        <translation>Fra {0} (fingeravtrykk {1}).</translation>
    </message>
    <message>
        <source>a site</source>
        <translation>et sted</translation>
    </message>
    <message>
        <source>The sender is now in the directory.</source>
        <translation>Avsenderen er nå i katalogen.</translation>
    </message>
    <message>
        <source>Nothing new: everything in it is here already.</source>
        <translation>Ikke noe nytt: alt i den finnes her allerede.</translation>
    </message>
    <message>
        <source>New case: {0}</source>
        <translation>Ny sak: {0}</translation>
    </message>
    <message>
        <source>{0} is in use here: the case was added as {1}.</source>
        <translation>{0} er i bruk her: saken ble lagt til som {1}.</translation>
    </message>
    <message>
        <source>Details taken from the sender: {0}</source>
        <translation>Opplysninger hentet fra avsenderen: {0}</translation>
    </message>
    <message>
        <source>Brought up to date: {0}</source>
        <translation>Oppdatert: {0}</translation>
    </message>
    <message>
        <source>Both sides changed {0}: this computer&apos;s details stay, and the sender&apos;s are kept beside them (open the case to see both).</source>
        <translation>Begge sider endret {0}: opplysningene på denne datamaskinen blir stående, og avsenderens blir tatt vare på ved siden av (åpne saken for å se begge).</translation>
    </message>
    <message>
        <source>{0} screening(s) and {1} answer(s) added, {2} completed, {3} kept as two versions.</source>
        <translation>{0} kartlegging(er) og {1} svar lagt til, {2} fullført, {3} beholdt som to versjoner.</translation>
    </message>
    <message>
        <source>{0} follow-up record(s) (tasks, referrals, plans, missing episodes, notes) added or brought up to date.</source>
        <translation>{0} oppfølgingsoppføring(er) (oppgaver, henvisninger, planer, forsvinninger, notater) lagt til eller oppdatert.</translation>
    </message>
    <message>
        <source>SHA-256 of the file (recorded in the audit trail): {0}</source>
        <translation>Filens SHA-256 (ført i loggen): {0}</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>I observed it</source>
        <extracomment>Where an answer comes from, as the worker reads it (translated at display).</extracomment>
        <translation type="vanished">Jeg har sett det selv</translation>
    </message>
    <message>
        <source>The child said it</source>
        <translation type="vanished">Barnet har sagt det</translation>
    </message>
    <message>
        <source>Another person said it</source>
        <translation type="vanished">En annen person har sagt det</translation>
    </message>
    <message>
        <source>A document shows it</source>
        <translation type="vanished">Et dokument viser det</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <extracomment>The answers of an indicator or a yes-no question, with their single keys.</extracomment>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>&amp;Unsure</source>
        <translation>&amp;Usikker</translation>
    </message>
    <message>
        <source>&amp;Declined</source>
        <translation>V&amp;ille ikke svare</translation>
    </message>
    <message>
        <source>Not a&amp;sked</source>
        <translation>Ikke spu&amp;rt</translation>
    </message>
    <message>
        <source>Item {0}: {1}</source>
        <translation>Punkt {0}: {1}</translation>
    </message>
    <message>
        <source>What we see: {0}
A common reading: {1}
What it may mean: {2}</source>
        <translation>Det vi ser: {0}
En vanlig forståelse: {1}
Hva det kan bety: {2}</translation>
    </message>
    <message>
        <source>Answer</source>
        <extracomment>item id, the answer, whether the walk should move on item id: keyboard focus entered this panel a message for the worker (an answer that could not be read) item id: the context fields were made (new controls for the tab order)</extracomment>
        <translation>Svar</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, then Enter</source>
        <translation>ÅÅÅÅ-MM-DD, deretter Enter</translation>
    </message>
    <message>
        <source>A number ({0}), then Enter</source>
        <translation>Et tall ({0}), deretter Enter</translation>
    </message>
    <message>
        <source>A number, then Enter</source>
        <translation>Et tall, deretter Enter</translation>
    </message>
    <message>
        <source>Type the answer, then Enter</source>
        <translation>Skriv svaret, deretter Enter</translation>
    </message>
    <message>
        <source>Context…</source>
        <translation>Om svaret…</translation>
    </message>
    <message>
        <source>Show the answer context</source>
        <translation>Vis opplysninger om svaret</translation>
    </message>
    <message>
        <source>Key C</source>
        <translation>Tast C</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>(source not recorded)</source>
        <translation>(kilde ikke registrert)</translation>
    </message>
    <message>
        <source>The child&apos;s own words, as said</source>
        <translation>Barnets egne ord, slik de ble sagt</translation>
    </message>
    <message>
        <source>Read back to the child</source>
        <translation>Lest opp for barnet</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>Ditt notat</translation>
    </message>
    <message>
        <source>Child&apos;s own words</source>
        <translation>Barnets egne ord</translation>
    </message>
    <message>
        <source>Saved ✓ {0}</source>
        <translation type="vanished">Lagret ✓ {0}</translation>
    </message>
    <message>
        <source>Answer: {0}</source>
        <translation>Svar: {0}</translation>
    </message>
    <message>
        <source>own words recorded</source>
        <translation>egne ord registrert</translation>
    </message>
    <message>
        <source>language {0}</source>
        <translation>språk {0}</translation>
    </message>
    <message>
        <source>interpreter {0}</source>
        <translation>tolk {0}</translation>
    </message>
    <message>
        <source>read back</source>
        <translation>lest opp</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notat</translation>
    </message>
    <message>
        <source>Not saved: the date {0} does not exist: check the month and the day.</source>
        <translation>Ikke lagret: datoen {0} finnes ikke: sjekk måneden og dagen.</translation>
    </message>
    <message>
        <source>Not saved: the date {0} is in the future; the dates asked here are of what has happened.</source>
        <translation>Ikke lagret: datoen {0} er fram i tid; datoene det spørres om her, gjelder det som har skjedd.</translation>
    </message>
    <message>
        <source>No number for {0} is set up on this computer (an administrator adds it under Administration → Local contacts).</source>
        <translation>Det er ikke lagt inn noe nummer til {0} på denne datamaskinen (en administrator legger det inn under Administrasjon → Lokale kontakter).</translation>
    </message>
    <message>
        <source>If the child is in danger now, call the police.</source>
        <translation>Er barnet i fare nå, ring politiet.</translation>
    </message>
    <message>
        <source>This item has no child wording in {0}.</source>
        <translation>Dette punktet har ingen ordlyd for barn på {0}.</translation>
    </message>
    <message>
        <source>Draft translation: have a qualified interpreter check it.</source>
        <translation>Utkast til oversettelse: la en kvalifisert tolk kontrollere den.</translation>
    </message>
    <message>
        <source>In your language: {0}</source>
        <translation>På ditt språk: {0}</translation>
    </message>
    <message>
        <source>No child wording for this item: adult words shown.</source>
        <translation>Ingen ordlyd for barn for dette punktet: ordlyden for voksne vises.</translation>
    </message>
    <message>
        <source>Not saved: expected a number.</source>
        <translation>Ikke lagret: skriv inn et tall.</translation>
    </message>
    <message>
        <source>Not saved: expected a date as YYYY-MM-DD.</source>
        <translation>Ikke lagret: skriv inn en dato som ÅÅÅÅ-MM-DD.</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>Checklist</source>
        <translation>Sjekkliste</translation>
    </message>
    <message>
        <source>C&amp;hecklist</source>
        <translation>S&amp;jekkliste</translation>
    </message>
    <message>
        <source>Items of the checklist</source>
        <translation>Punktene i sjekklisten</translation>
    </message>
    <message>
        <source>The item, the trainer&apos;s notes and the sources</source>
        <translation>Punktet, kursholderens notater og kildene</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>the child&apos;s guardian or representative</source>
        <translation>barnets verge eller representant</translation>
    </message>
    <message>
        <source>the child&apos;s lawyer</source>
        <translation>barnets advokat</translation>
    </message>
    <message>
        <source>the child&apos;s asylum case</source>
        <translation>barnets asylsak</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Indicators recorded</source>
        <translation>Registrerte indikatorer</translation>
    </message>
    <message>
        <source>The child&apos;s own words</source>
        <translation>Barnets egne ord</translation>
    </message>
    <message>
        <source>What the checklist suggests, and the professional&apos;s decision</source>
        <translation>Hva sjekklisten foreslår, og fagpersonens beslutning</translation>
    </message>
    <message>
        <source>Support letter</source>
        <translation>Støttebrev</translation>
    </message>
    <message>
        <source>The letter is for</source>
        <translation>Brevet er til bruk for</translation>
    </message>
    <message>
        <source>Print the child&apos;s names</source>
        <translation>Skriv ut barnets navn</translation>
    </message>
    <message>
        <source>Language of the printed letter</source>
        <translation>Språk i det utskrevne brevet</translation>
    </message>
    <message>
        <source>Tick each fact you have checked against the record and want in the letter. Nothing is ticked to begin with: the letter holds only what you confirm.</source>
        <translation>Kryss av for hver opplysning du har kontrollert mot det som er registrert, og som du vil ha med i brevet. Ingenting er krysset av fra start: brevet inneholder bare det du bekrefter.</translation>
    </message>
    <message>
        <source>Facts to confirm</source>
        <translation>Opplysninger som skal bekreftes</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Til bruk for</translation>
    </message>
    <message>
        <source>Confirm at least one fact to see the letter.</source>
        <translation>Bekreft minst én opplysning for å se brevet.</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lagre som PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>{0} of {1} facts confirmed</source>
        <translation>{0} av {1} opplysninger bekreftet</translation>
    </message>
    <message>
        <source>Save the support letter</source>
        <translation>Lagre støttebrevet</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation type="vanished">Kunne ikke lagre {0}: {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>idcheck: TRAINING (synthetic cases)</source>
        <translation>idcheck: OPPLÆRING (oppdiktede saker)</translation>
    </message>
    <message>
        <source>TRAINING MODE: synthetic cases only. Do not enter a real child&apos;s details: everything here is deleted when this window closes. User {0}, password: {1}</source>
        <translation>OPPLÆRINGSMODUS: bare oppdiktede saker. Ikke skriv inn opplysninger om et virkelig barn: alt her slettes når vinduet lukkes. Bruker {0}, passord: {1}</translation>
    </message>
    <message>
        <source>idcheck</source>
        <translation>idcheck</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <extracomment>Who was signed in when the lock closed a dialog (told at the next unlock).</extracomment>
        <translation>Inns&amp;tillinger</translation>
    </message>
    <message>
        <source>Language and text size</source>
        <translation>Språk og tekststørrelse</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>The settings could not be saved: {0}</source>
        <translation>Innstillingene kunne ikke lagres: {0}</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>The lock closed the dialog that was open. Everything saved before is here; what was typed in it and not yet saved was not kept.</source>
        <translation>Låsingen lukket dialogen som var åpen. Alt som var lagret før, er her; det som var skrevet i den og ikke lagret ennå, ble ikke tatt vare på.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Endre passordet mitt</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>Mitt passord</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Passordet ditt er endret.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="vanished">Gjenopprett</translation>
    </message>
    <message>
        <source>The backup is restored ({0} audit rows check). Unlock to go on.</source>
        <translation type="vanished">Sikkerhetskopien er gjenopprettet ({0} hendelser i loggen er kontrollert). Lås opp for å fortsette.</translation>
    </message>
    <message>
        <source>{0} is a backup of another store (store id {1}), not of this one (store id {2}), even if the same user name and password open it. Restoring it replaces every case in this store with that store&apos;s cases (the replaced files are kept beside them). Replace this store with it?</source>
        <translation type="vanished">{0} er en sikkerhetskopi av et annet datalager (lager-ID {1}), ikke av dette (lager-ID {2}), selv om det samme brukernavnet og passordet åpner den. Å gjenopprette den erstatter alle sakene i dette datalageret med sakene i det andre (de erstattede filene beholdes ved siden av). Erstatte dette datalageret med den?</translation>
    </message>
    <message>
        <source>Nothing was replaced.</source>
        <translation type="vanished">Ingenting ble erstattet.</translation>
    </message>
    <message>
        <source>Nothing was replaced: {0}</source>
        <translation type="vanished">Ingenting ble erstattet: {0}</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation type="vanished">Kontrollerer og gjenoppretter sikkerhetskopien…</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Legg til en bruker</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>medarbeider</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="vanished">Passord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="vanished">Gjenta passordet</translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation type="vanished">Passord (minst 10 tegn)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="vanished">De to passordene er ikke like.</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Creating the encrypted store…</source>
        <translation>Oppretter det krypterte datalageret…</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Åpner datalageret…</translation>
    </message>
    <message>
        <source>Setting the new password…</source>
        <translation>Setter det nye passordet …</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Kontrollerer og gjenoppretter sikkerhetskopien…</translation>
    </message>
    <message>
        <source>Sorting every case…</source>
        <translation>Sorterer alle sakene…</translation>
    </message>
    <message>
        <source>Counting completed screenings…</source>
        <translation>Teller fullførte kartlegginger…</translation>
    </message>
    <message>
        <source>Deleting closed cases…</source>
        <translation>Sletter avsluttede saker…</translation>
    </message>
    <message>
        <source>Changing the database key…</source>
        <translation>Bytter nøkkelen til datalageret …</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Skriver sikkerhetskopien…</translation>
    </message>
    <message>
        <source>Checking the store…</source>
        <translation>Kontrollerer datalageret…</translation>
    </message>
    <message>
        <source>Checking and importing the package…</source>
        <translation>Kontrollerer og importerer pakken…</translation>
    </message>
    <message>
        <source>Encrypting and writing the case…</source>
        <translation>Krypterer og skriver saken…</translation>
    </message>
</context>
<context>
    <name>OtherVersions</name>
    <message>
        <source>Given name</source>
        <extracomment>The details a version shows, in the case dialog&apos;s order (the reference is each site&apos;s own and not compared).</extracomment>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Etternavn</translation>
    </message>
    <message>
        <source>Age the child gives</source>
        <translation>Alder barnet oppgir</translation>
    </message>
    <message>
        <source>Assessed age</source>
        <translation>Vurdert alder</translation>
    </message>
    <message>
        <source>Age disputed</source>
        <translation>Alderen er omstridt</translation>
    </message>
    <message>
        <source>Date of birth the child gives</source>
        <translation>Fødselsdato barnet oppgir</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kjønn</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nasjonalitet</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation>Identifisert av</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>Both sides changed this case&apos;s details. The details shown above are this computer&apos;s; another site&apos;s version is kept beside them:</source>
        <translation>Begge sider endret opplysningene i denne saken. Opplysningene over er denne datamaskinens; et annet steds versjon er tatt vare på ved siden av:</translation>
    </message>
    <message>
        <source>From {0}, received {1}:</source>
        <translation>Fra {0}, mottatt {1}:</translation>
    </message>
    <message>
        <source>  the same as here now</source>
        <translation>  det samme som her nå</translation>
    </message>
    <message>
        <source>  {0}: {1} (here: {2})</source>
        <translation>  {0}: {1} (her: {2})</translation>
    </message>
    <message>
        <source>Another site&apos;s version</source>
        <translation>Et annet steds versjon</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation>Nåværende passord</translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="vanished">Nytt passord</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="vanished">Gjenta det nye passordet</translation>
    </message>
    <message>
        <source>New password (at least 10 characters)</source>
        <translation type="vanished">Nytt passord (minst 10 tegn)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="vanished">De to passordene er ikke like.</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Gjenta passordet</translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation>Passord (minst 10 tegn)</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nytt passord</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Gjenta det nye passordet</translation>
    </message>
    <message>
        <source>New password (at least 10 characters)</source>
        <translation>Nytt passord (minst 10 tegn)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De to passordene er ikke like.</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>idcheck: TRAINING — projector</source>
        <extracomment>The projector&apos;s text sizes, in percent. How each kind of block looks (font sizes at 100 %, scaled to the room&apos;s size).</extracomment>
        <translation>idcheck: OPPLÆRING — prosjektor</translation>
    </message>
    <message>
        <source>TRAINING: synthetic material, not a real child</source>
        <translation>OPPLÆRING: oppdiktet materiale, ikke et virkelig barn</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Merk alt</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>Øk med &amp;ett trinn</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>Senk med ett &amp;trinn</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Lukk</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Lukk uten å lagre</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation>Rull hit</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Øverst</translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation>Nederst</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Én side opp</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Én side ned</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Rull opp</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Rull ned</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Venstre kant</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Høyre kant</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Én side til venstre</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Én side til høyre</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Rull til venstre</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Rull til høyre</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Rull til venstre</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Rull til høyre</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopier</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Kopier &amp;lenkeadresse</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Lim inn</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slett</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Merk alt</translation>
    </message>
</context>
<context>
    <name>Recipients</name>
    <message>
        <source>{0}: revoked {1} by {2}, cannot be chosen</source>
        <extracomment>An item&apos;s data: the recipient&apos;s name when it is an agency (an age key alone).</extracomment>
        <translation>{0}: tilbakekalt {1} av {2}, kan ikke velges</translation>
    </message>
    <message>
        <source>idcheck site</source>
        <translation>idcheck-sted</translation>
    </message>
    <message>
        <source>agency, age key</source>
        <translation>etat, age-nøkkel</translation>
    </message>
    <message>
        <source>{0}: {1}, fingerprint {2}</source>
        <translation>{0}: {1}, fingeravtrykk {2}</translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingeravtrykk</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Lagt til</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Mottakere</translation>
    </message>
    <message>
        <source>Add from a &amp;key file…</source>
        <translation>Legg til fra en nøkkel&amp;fil…</translation>
    </message>
    <message>
        <source>Add a p&amp;asted key…</source>
        <translation>&amp;Lim inn en nøkkel…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Tilbakekall…</translation>
    </message>
    <message>
        <source>Save this site&apos;s &amp;card…</source>
        <translation>Lagre dette stedets ko&amp;rt…</translation>
    </message>
    <message>
        <source>This site&apos;s fingerprint, to read to a site that adds this one: {0}</source>
        <translation>Dette stedets fingeravtrykk, som leses opp for et sted som legger til dette: {0}</translation>
    </message>
    <message>
        <source>revoked {0} by {1}</source>
        <translation>tilbakekalt {0} av {1}</translation>
    </message>
    <message>
        <source>can be sent to</source>
        <translation>kan sendes til</translation>
    </message>
    <message>
        <source>idcheck site</source>
        <translation>idcheck-sted</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>etat</translation>
    </message>
    <message>
        <source>A recipient&apos;s public key</source>
        <translation>En mottakers offentlige nøkkel</translation>
    </message>
    <message>
        <source>Public keys and cards (*.card *.txt *.pub);;All files (*)</source>
        <translation>Offentlige nøkler og kort (*.card *.txt *.pub);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Ikke lagt til</translation>
    </message>
    <message>
        <source>Nothing was added: {0}</source>
        <translation>Ingenting ble lagt til: {0}</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Tilbakekall</translation>
    </message>
    <message>
        <source>Choose the recipient to revoke in the list.</source>
        <translation>Velg mottakeren som skal tilbakekalles, i listen.</translation>
    </message>
    <message>
        <source>Revoke {0} (fingerprint {1})?

Nothing will be sent to it from now on, and no package it signs will be imported. It stays in the list as revoked. This cannot be undone.</source>
        <translation>Tilbakekalle {0} (fingeravtrykk {1})?

Ingenting sendes dit fra nå av, og ingen pakke den signerer, blir importert. Den blir stående i listen som tilbakekalt. Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Save this site&apos;s public card</source>
        <translation>Lagre dette stedets offentlige kort</translation>
    </message>
    <message>
        <source>Public cards (*.card);;All files (*)</source>
        <translation>Offentlige kort (*.card);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke lagret</translation>
    </message>
    <message>
        <source>Card saved</source>
        <translation>Kortet er lagret</translation>
    </message>
    <message>
        <source>This site&apos;s public card was written to {0}. Give it to the other site, and read them the fingerprint {1} by phone or in person.</source>
        <translation>Dette stedets offentlige kort ble skrevet til {0}. Gi det til det andre stedet, og les opp fingeravtrykket {1} for dem på telefon eller ansikt til ansikt.</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Forgot your password?</source>
        <translation>Glemt passordet?</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Sett det nye passordet</translation>
    </message>
    <message>
        <source>The recovery key was shown once when this store was set up: eight groups of four letters and digits. It sets a new password for the user named here. A new recovery key is then shown, and the old one stops working.</source>
        <translation>Gjenopprettingsnøkkelen ble vist én gang da dette datalageret ble satt opp: åtte grupper med fire bokstaver og sifre. Den setter et nytt passord for brukeren som er oppgitt her. Deretter vises en ny gjenopprettingsnøkkel, og den gamle slutter å virke.</translation>
    </message>
    <message>
        <source>Give the user name.</source>
        <translation>Oppgi brukernavnet.</translation>
    </message>
    <message>
        <source>Give the recovery key.</source>
        <translation>Oppgi gjenopprettingsnøkkelen.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Gjenopprettingsnøkkelen din</translation>
    </message>
    <message>
        <source>Group 2 of the recovery key</source>
        <translation>Gruppe 2 i gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>The last group of the recovery key</source>
        <translation>Den siste gruppen i gjenopprettingsnøkkelen</translation>
    </message>
    <message>
        <source>Group 2</source>
        <translation>Gruppe 2</translation>
    </message>
    <message>
        <source>Last group</source>
        <translation>Siste gruppe</translation>
    </message>
    <message>
        <source>Write this key down by hand and keep it somewhere safe. It opens the store if every password is forgotten. It is shown only now.</source>
        <translation>Skriv ned denne nøkkelen for hånd og oppbevar den et trygt sted. Den åpner datalageret hvis alle passordene er glemt. Den vises bare nå.</translation>
    </message>
    <message>
        <source>To confirm you wrote it down, type two groups:</source>
        <translation>Skriv inn to av gruppene for å bekrefte at du har skrevet den ned:</translation>
    </message>
    <message>
        <source>Those groups do not match; look again</source>
        <translation>Gruppene stemmer ikke. Se etter en gang til</translation>
    </message>
    <message>
        <source>The recovery key is not shown again. Type group 2 and the last group to confirm you wrote it down.</source>
        <translation>Gjenopprettingsnøkkelen vises ikke igjen. Skriv gruppe 2 og den siste gruppen for å bekrefte at du har skrevet den ned.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral summary</source>
        <translation>Sammendrag for henvisning</translation>
    </message>
    <message>
        <source>Print the child&apos;s names</source>
        <translation>Skriv ut barnets navn</translation>
    </message>
    <message>
        <source>Language of the printed referral</source>
        <translation>Språk i den utskrevne henvisningen</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lagre som PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>Support &amp;letter…</source>
        <translation>Støtte&amp;brev…</translation>
    </message>
    <message>
        <source>A letter for a guardian, a lawyer or the asylum case, with facts you confirm</source>
        <translation>Et brev til verge, advokat eller asylsaken, med opplysninger du bekrefter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation type="vanished">Kunne ikke lagre {0}: {1}</translation>
    </message>
    <message>
        <source>Save the referral summary</source>
        <translation>Lagre sammendraget for henvisning</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>This computer is set up to print through the print server {0} on the network. Print through it? The system&apos;s print service would then send the referral over the network (idcheck itself never connects to one). No: print on this computer only (its own printers, or to a PDF file).</source>
        <translation>Denne datamaskinen er satt opp til å skrive ut gjennom utskriftsserveren {0} på nettverket. Skrive ut gjennom den? Systemets utskriftstjeneste vil da sende henvisningen over nettverket (idcheck kobler seg selv aldri til et nettverk). Nei: skriv bare ut på denne datamaskinen (dens egne skrivere, eller til en PDF-fil).</translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>Restore</source>
        <translation>Gjenopprett</translation>
    </message>
    <message>
        <source>The backup is restored ({0} audit rows check). Unlock to go on.</source>
        <translation>Sikkerhetskopien er gjenopprettet ({0} hendelser i loggen er kontrollert). Lås opp for å fortsette.</translation>
    </message>
    <message>
        <source>{0} is a backup of another store (store id {1}), not of this one (store id {2}), even if the same user name and password open it. Restoring it replaces every case in this store with that store&apos;s cases (the replaced files are kept beside them). Replace this store with it?</source>
        <translation>{0} er en sikkerhetskopi av et annet datalager (lager-ID {1}), ikke av dette (lager-ID {2}), selv om det samme brukernavnet og passordet åpner den. Å gjenopprette den erstatter alle sakene i dette datalageret med sakene i det andre (de erstattede filene beholdes ved siden av). Erstatte dette datalageret med den?</translation>
    </message>
    <message>
        <source>Nothing was replaced.</source>
        <translation>Ingenting ble erstattet.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Strong indicators</source>
        <extracomment>How an indicator&apos;s strength is named in the review (translated at display).</extracomment>
        <translation>Sterke indikatorer</translation>
    </message>
    <message>
        <source>Medium indicators</source>
        <translation>Middels sterke indikatorer</translation>
    </message>
    <message>
        <source>Weak indicators</source>
        <translation>Svake indikatorer</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The answer that put an indicator in the review.</extracomment>
        <translation>ja</translation>
    </message>
    <message>
        <source>unsure</source>
        <translation>usikker</translation>
    </message>
    <message>
        <source>secondary source</source>
        <extracomment>How well an indicator&apos;s grading is supported, when it is not read in a primary source.</extracomment>
        <translation>annenhåndskilde</translation>
    </message>
    <message>
        <source>the checklist authors&apos; judgement</source>
        <translation>sjekklisteforfatternes skjønn</translation>
    </message>
    <message>
        <source>Review and decision</source>
        <translation>Oppsummering og beslutning</translation>
    </message>
    <message>
        <source>Indicators recorded</source>
        <translation>Registrerte indikatorer</translation>
    </message>
    <message>
        <source>The checklist&apos;s rules suggest: {0}</source>
        <translation>Sjekklistens regler foreslår: {0}</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Hvorfor:</translation>
    </message>
    <message>
        <source>No rule fired.</source>
        <translation>Ingen regel ble utløst.</translation>
    </message>
    <message>
        <source>{0} item(s) not answered yet.</source>
        <translation type="vanished">Punkter som ikke er besvart ennå: {0}.</translation>
    </message>
    <message>
        <source>What was recorded and what the rules suggest</source>
        <translation>Hva som er registrert, og hva reglene foreslår</translation>
    </message>
    <message>
        <source>{0} of the {1} items shown have no answer. Completing now records the screening without them, and the referral says so; to answer them, close the review.</source>
        <translation>{0} av de {1} punktene som vises, har ikke noe svar. Fullfører du nå, registreres kartleggingen uten dem, og henvisningen sier det; lukk gjennomgangen for å svare på dem.</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Din beslutning</translation>
    </message>
    <message>
        <source>Your reasons</source>
        <translation>Din begrunnelse</translation>
    </message>
    <message>
        <source>Your &amp;decision</source>
        <translation>Din &amp;beslutning</translation>
    </message>
    <message>
        <source>Your &amp;reasons (required when you differ)</source>
        <translation>Din b&amp;egrunnelse (kreves når du avviker fra forslaget)</translation>
    </message>
    <message>
        <source>Throughout, with no due time (standing guidance):</source>
        <translation>Gjelder hele tiden, uten frist (faste retningslinjer):</translation>
    </message>
    <message>
        <source>Standing guidance: {0}</source>
        <translation>Faste retningslinjer: {0}</translation>
    </message>
    <message>
        <source>Record decision and &amp;complete</source>
        <translation>Registrer beslutningen og &amp;fullfør</translation>
    </message>
    <message>
        <source>Record the decision and complete</source>
        <translation>Registrer beslutningen og fullfør</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Close the review</source>
        <translation>Lukk oppsummeringen</translation>
    </message>
    <message>
        <source>Your reasons (required when you differ)</source>
        <translation type="vanished">Din begrunnelse (kreves når du avviker fra forslaget)</translation>
    </message>
    <message>
        <source>Record decision and complete</source>
        <translation type="vanished">Registrer beslutningen og fullfør</translation>
    </message>
    <message>
        <source>Give your reasons: your decision differs from the suggestion.</source>
        <translation>Skriv en begrunnelse: beslutningen din avviker fra forslaget.</translation>
    </message>
</context>
<context>
    <name>ScreeningView</name>
    <message>
        <source>Overview of the items</source>
        <extracomment>Drawn on top of the application style: which panel the single keys answer.</extracomment>
        <translation>Oversikt over punktene</translation>
    </message>
    <message>
        <source>Ctrl+O; Enter opens the item</source>
        <translation>Ctrl+O; Enter åpner punktet</translation>
    </message>
    <message>
        <source>&amp;Only unanswered</source>
        <translation>B&amp;are ubesvarte</translation>
    </message>
    <message>
        <source>Show only unanswered items</source>
        <translation>Vis bare punkter uten svar</translation>
    </message>
    <message>
        <source>Items answered</source>
        <translation>Punkter som er besvart</translation>
    </message>
    <message>
        <source>One &amp;item</source>
        <translation>Ett &amp;punkt</translation>
    </message>
    <message>
        <source>Show one item at a time</source>
        <translation>Vis ett punkt om gangen</translation>
    </message>
    <message>
        <source>One s&amp;ection</source>
        <translation>Ett a&amp;vsnitt</translation>
    </message>
    <message>
        <source>Show one section at a time</source>
        <translation>Vis ett avsnitt om gangen</translation>
    </message>
    <message>
        <source>&amp;Adult words</source>
        <translation>Ord for vo&amp;ksne</translation>
    </message>
    <message>
        <source>Show the wording for the worker</source>
        <translation>Vis ordlyden for medarbeideren</translation>
    </message>
    <message>
        <source>Child &amp;words</source>
        <translation>Ord for &amp;barn</translation>
    </message>
    <message>
        <source>Show the child-friendly wording</source>
        <translation>Vis ordlyden tilpasset barn</translation>
    </message>
    <message>
        <source>The child&apos;s language</source>
        <translation>Barnets språk</translation>
    </message>
    <message>
        <source>Child&apos;s &amp;language</source>
        <translation>Barnets &amp;språk</translation>
    </message>
    <message>
        <source>This conversation:</source>
        <translation>Denne samtalen:</translation>
    </message>
    <message>
        <source>Referral summary</source>
        <translation>Sammendrag for henvisning</translation>
    </message>
    <message>
        <source>A&amp;mend</source>
        <translation>&amp;Endre</translation>
    </message>
    <message>
        <source>Amend this screening as a new linked record</source>
        <translation>Endre denne kartleggingen som en ny, koblet registrering</translation>
    </message>
    <message>
        <source>Back to &amp;cases</source>
        <translation>Ti&amp;lbake til sakene</translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation>Tilbake til sakslisten</translation>
    </message>
    <message>
        <source>Case {0} · screening #{1}</source>
        <extracomment>original screening id, the new linked draft now shown in this view</extracomment>
        <translation>Sak {0} · kartlegging nr. {1}</translation>
    </message>
    <message>
        <source>{0} (draft)</source>
        <translation>{0} (utkast)</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation type="vanished"> (utkast)</translation>
    </message>
    <message>
        <source>This is an amendment of screening #{0}; the original stays as it was.</source>
        <translation>Dette er en endring av kartlegging #{0}. Den opprinnelige blir stående som den var.</translation>
    </message>
    <message>
        <source>Completed {0}: read-only.</source>
        <translation>Fullført {0}: kan bare leses.</translation>
    </message>
    <message>
        <source>It was amended as screening #{0}.</source>
        <translation>Den er endret i kartlegging #{0}.</translation>
    </message>
    <message>
        <source>Open the a&amp;mendment</source>
        <translation>Åpne &amp;endringen</translation>
    </message>
    <message>
        <source>Open the amendment</source>
        <translation>Åpne endringen</translation>
    </message>
    <message>
        <source>To change it, amend it: a new linked record.</source>
        <translation>Vil du endre den, lager du en endring: en ny, koblet registrering.</translation>
    </message>
    <message>
        <source>Immediate danger recorded: {0}</source>
        <translation>Akutt fare registrert: {0}</translation>
    </message>
    <message>
        <source>Call: {0}</source>
        <translation>Ring: {0}</translation>
    </message>
    <message>
        <source>Section {0} of {1} · {2} of {3} answered</source>
        <translation>Avsnitt {0} av {1} · {2} av {3} besvart</translation>
    </message>
    <message>
        <source>answered: {0}</source>
        <translation>besvart: {0}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>ikke besvart</translation>
    </message>
    <message>
        <source>Every item has an answer: open the review (Ctrl+R).</source>
        <translation>Alle punktene er besvart: åpne oppsummeringen (Ctrl+R).</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="vanished">Svar</translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="vanished">Kilde</translation>
    </message>
    <message>
        <source>(source not recorded)</source>
        <translation type="vanished">(kilde ikke registrert)</translation>
    </message>
    <message>
        <source>The child&apos;s own words, as said</source>
        <translation type="vanished">Barnets egne ord, slik de ble sagt</translation>
    </message>
    <message>
        <source>Language used</source>
        <translation>Språk som ble brukt</translation>
    </message>
    <message>
        <source>e.g. prs</source>
        <translation>f.eks. prs</translation>
    </message>
    <message>
        <source>Interpreter present</source>
        <translation>Tolk til stede</translation>
    </message>
    <message>
        <source>Interpreter (who)</source>
        <translation>Tolk (hvem)</translation>
    </message>
    <message>
        <source>Read back to the child</source>
        <translation type="vanished">Lest opp for barnet</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation type="vanished">Ditt notat</translation>
    </message>
    <message>
        <source>Child&apos;s own words</source>
        <translation type="vanished">Barnets egne ord</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="vanished">Språk</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Tilbake</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbake</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Neste ▶</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Neste</translation>
    </message>
    <message>
        <source>Next unanswered</source>
        <translation>Neste ubesvarte</translation>
    </message>
    <message>
        <source>Go to the next unanswered item</source>
        <translation>Gå til neste punkt uten svar</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Oppsummering</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Oppsummering</translation>
    </message>
    <message>
        <source>Re&amp;ferral…</source>
        <translation>&amp;Henvisning…</translation>
    </message>
    <message>
        <source>Back to cases</source>
        <translation type="vanished">Tilbake til sakene</translation>
    </message>
    <message>
        <source>{0} of {1} · {2} answered</source>
        <translation>{0} av {1} · {2} besvart</translation>
    </message>
    <message>
        <source>What we see: {0}
A common reading: {1}
What it may mean: {2}</source>
        <translation type="vanished">Det vi ser: {0}
En vanlig forståelse: {1}
Hva det kan bety: {2}</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="vanished">&amp;Ja</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="vanished">&amp;Nei</translation>
    </message>
    <message>
        <source>&amp;Unsure</source>
        <translation type="vanished">&amp;Usikker</translation>
    </message>
    <message>
        <source>&amp;Declined</source>
        <translation type="vanished">V&amp;ille ikke svare</translation>
    </message>
    <message>
        <source>Not a&amp;sked</source>
        <translation type="vanished">Ikke spu&amp;rt</translation>
    </message>
    <message>
        <source>Not saved: expected a number.</source>
        <translation type="vanished">Ikke lagret: skriv inn et tall.</translation>
    </message>
    <message>
        <source>Not saved: expected a date as YYYY-MM-DD.</source>
        <translation type="vanished">Ikke lagret: skriv inn en dato som ÅÅÅÅ-MM-DD.</translation>
    </message>
    <message>
        <source>NOT saved — see the message; nothing you typed was lost.</source>
        <translation>IKKE lagret – se meldingen. Ingenting av det du skrev, har gått tapt.</translation>
    </message>
    <message>
        <source>Saved ✓ {0}</source>
        <translation>Lagret ✓ {0}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>idcheck</source>
        <extracomment>The clock every view reads &quot;now&quot; from (epoch seconds): what is due, overdue or due today. Tests give their own and move it, never sleep.</extracomment>
        <translation>idcheck</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeider…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings on this computer</source>
        <translation>Innstillinger på denne datamaskinen</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Språk i programmet</translation>
    </message>
    <message>
        <source>Same as this computer ({0})</source>
        <translation>Samme som datamaskinen ({0})</translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation>{0} (ikke installert)</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tekststørrelse</translation>
    </message>
    <message>
        <source>Normal (100 %)</source>
        <translation>Normal (100 %)</translation>
    </message>
    <message>
        <source>Large (150 %)</source>
        <translation>Stor (150 %)</translation>
    </message>
    <message>
        <source>Very large, for a projector (200 %)</source>
        <translation>Svært stor, for prosjektor (200 %)</translation>
    </message>
    <message>
        <source>This is how large the text will be.</source>
        <translation>Så stor blir teksten.</translation>
    </message>
    <message>
        <source>Sample of the text size</source>
        <translation>Eksempel på tekststørrelsen</translation>
    </message>
    <message>
        <source>Training mode: these settings last until this training window closes (start it with &apos;idcheck demo --text-size 200 --lang nb&apos; to open it so).</source>
        <translation>Opplæringsmodus: disse innstillingene gjelder til dette opplæringsvinduet lukkes (start det med &apos;idcheck demo --text-size 200 --lang nb&apos; for å åpne det slik).</translation>
    </message>
    <message>
        <source>These settings are kept on this computer and apply to everyone who uses it.</source>
        <translation>Disse innstillingene lagres på denne datamaskinen og gjelder for alle som bruker den.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Tekststørrelse</translation>
    </message>
</context>
<context>
    <name>SiteFields</name>
    <message>
        <source>Norway</source>
        <extracomment>The jurisdictions a site can choose (the store&apos;s codes), named in the interface language.</extracomment>
        <translation>Norge</translation>
    </message>
    <message>
        <source>England and Wales</source>
        <translation>England og Wales</translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation>Skottland</translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation>Nord-Irland</translation>
    </message>
    <message>
        <source>Name of the site</source>
        <extracomment>The languages documents can be printed in (the store&apos;s codes).</extracomment>
        <translation>Stedets navn</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Jurisdiksjon</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation>ikke valgt ennå</translation>
    </message>
    <message>
        <source>The site&apos;s phone number</source>
        <translation>Stedets telefonnummer</translation>
    </message>
    <message>
        <source>The site&apos;s address</source>
        <translation>Stedets adresse</translation>
    </message>
    <message>
        <source>Language of printed documents</source>
        <translation>Språk i utskrevne dokumenter</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Print documents in</source>
        <translation>Skriv ut dokumenter på</translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <source>Use every referral routes file of the site&apos;s country</source>
        <translation>Bruk alle henvisningsrutefiler for stedets land</translation>
    </message>
    <message>
        <source>Use the routes file {0}</source>
        <translation>Bruk rutefilen {0}</translation>
    </message>
    <message>
        <source>Sa&amp;ve the site</source>
        <translation>La&amp;gre stedet</translation>
    </message>
    <message>
        <source>Every referral and letter names the site and prints its phone and address. A referral lists only the routes the site uses.</source>
        <translation>Hver henvisning og hvert brev navngir stedet og skriver ut telefonnummer og adresse. En henvisning viser bare rutene stedet bruker.</translation>
    </message>
    <message>
        <source>Referral routes</source>
        <translation>Henvisningsruter</translation>
    </message>
    <message>
        <source>Choose the jurisdiction to see its routes.</source>
        <translation>Velg jurisdiksjonen for å se rutene.</translation>
    </message>
    <message>
        <source>No routes file for this country is installed: choose one below.</source>
        <translation>Ingen rutefil for dette landet er installert: velg en nedenfor.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Choose at least one routes file, or use those of the site&apos;s country.</source>
        <translation>Velg minst én rutefil, eller bruk dem for stedets land.</translation>
    </message>
    <message>
        <source>The site is saved.</source>
        <translation>Stedet er lagret.</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>total</source>
        <extracomment>The words of the tables, for translation (the core keeps the English ones).</extracomment>
        <translation>totalt</translation>
    </message>
    <message>
        <source>completed screenings</source>
        <translation>fullførte kartlegginger</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>kjønn</translation>
    </message>
    <message>
        <source>age band</source>
        <translation>aldersgruppe</translation>
    </message>
    <message>
        <source>under 18</source>
        <translation>under 18 år</translation>
    </message>
    <message>
        <source>exploitation form</source>
        <translation>form for utnytting</translation>
    </message>
    <message>
        <source>identified by</source>
        <translation>identifisert av</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>utfall</translation>
    </message>
    <message>
        <source>female</source>
        <translation>kvinnelig</translation>
    </message>
    <message>
        <source>male</source>
        <translation>mannlig</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>under 12</source>
        <translation>under 12 år</translation>
    </message>
    <message>
        <source>12 to 14</source>
        <translation>12–14 år</translation>
    </message>
    <message>
        <source>15 to 17</source>
        <translation>15–17 år</translation>
    </message>
    <message>
        <source>18 or over</source>
        <translation>18 år eller eldre</translation>
    </message>
    <message>
        <source>age not known</source>
        <translation>alder ukjent</translation>
    </message>
    <message>
        <source>sexual exploitation</source>
        <translation>seksuell utnytting</translation>
    </message>
    <message>
        <source>labour exploitation</source>
        <translation>utnytting til arbeid</translation>
    </message>
    <message>
        <source>domestic servitude</source>
        <translation>utnytting i privat husholdning</translation>
    </message>
    <message>
        <source>forced begging</source>
        <translation>tvangstigging</translation>
    </message>
    <message>
        <source>criminal exploitation</source>
        <translation>utnytting til kriminalitet</translation>
    </message>
    <message>
        <source>forced marriage</source>
        <translation>tvangsekteskap</translation>
    </message>
    <message>
        <source>other form</source>
        <translation>annen form</translation>
    </message>
    <message>
        <source>no form recorded</source>
        <translation>ingen form registrert</translation>
    </message>
    <message>
        <source>police</source>
        <translation>politiet</translation>
    </message>
    <message>
        <source>immigration</source>
        <translation>utlendingsmyndighetene</translation>
    </message>
    <message>
        <source>health</source>
        <translation>helsetjenesten</translation>
    </message>
    <message>
        <source>child welfare</source>
        <translation>barneverntjenesten</translation>
    </message>
    <message>
        <source>NGO</source>
        <translation>frivillig organisasjon</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Anonymised statistics</source>
        <translation>Anonymisert statistikk</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To (included)</source>
        <translation>Til og med</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>per måned</translation>
    </message>
    <message>
        <source>by year</source>
        <translation>per år</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Antall</translation>
    </message>
    <message>
        <source>Counts of 1 to 4 are shown as &lt;5. Where a total would reveal such a count, the next smallest count in the same row or column is hidden as well (x). No names, case references or free text are in these figures.</source>
        <translation>Antall fra 1 til 4 vises som &lt;5. Der en sum ville avsløre et slikt antall, skjules også det nest minste antallet i samme rad eller kolonne (x). Tallene inneholder ingen navn, saksreferanser eller fritekst.</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Lagre som &amp;CSV…</translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation>Lagre som &amp;JSON…</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Lagre som &amp;PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation>Sluttdatoen er før startdatoen.</translation>
    </message>
    <message>
        <source>Counting completed screenings…</source>
        <translation type="vanished">Teller fullførte kartlegginger…</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>{0} completed screenings from {1} to {2}.</source>
        <translation>Fullførte kartlegginger fra {1} til {2}: {0}.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation>Lagre statistikken</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation type="vanished">Kunne ikke lagre {0}: {1}</translation>
    </message>
</context>
<context>
    <name>StoreSettingsTab</name>
    <message>
        <source>Minutes of inactivity before the window locks</source>
        <translation>Minutter uten aktivitet før vinduet låses</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Years a closed case is kept</source>
        <translation>År en avsluttet sak oppbevares</translation>
    </message>
    <message>
        <source>keep every case</source>
        <translation>behold alle saker</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Lagre innstillingene</translation>
    </message>
    <message>
        <source>Delete closed cases past the retention &amp;time…</source>
        <translation type="vanished">Slett avsluttede saker som har passert oppbevarings&amp;tiden…</translation>
    </message>
    <message>
        <source>&amp;Delete closed cases past the retention time…</source>
        <translation>Slett avsluttede saker som har passert oppbevarings&amp;tiden…</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Lås etter</translation>
    </message>
    <message>
        <source>Keep closed cases</source>
        <translation>Oppbevar avsluttede saker</translation>
    </message>
    <message>
        <source> year</source>
        <translation> år</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Innstillingene er lagret.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Oppbevaring</translation>
    </message>
    <message>
        <source>The retention time shown is not saved: press Save settings first. Nothing was deleted.</source>
        <translation>Oppbevaringstiden som vises, er ikke lagret: trykk Lagre innstillingene først. Ingenting ble slettet.</translation>
    </message>
    <message>
        <source>Every case is kept: no retention time is set.</source>
        <translation>Alle saker oppbevares: ingen oppbevaringstid er satt.</translation>
    </message>
    <message>
        <source>Delete every closed case older than 1 year, with its screenings? This cannot be undone; each deletion is recorded in the audit trail.</source>
        <translation>Slette alle avsluttede saker som er eldre enn 1 år, med kartleggingene deres? Dette kan ikke angres. Hver sletting registreres i loggen.</translation>
    </message>
    <message>
        <source>Delete every closed case older than {0} years, with its screenings? This cannot be undone; each deletion is recorded in the audit trail.</source>
        <translation>Slette alle avsluttede saker som er eldre enn {0} år, med kartleggingene deres? Dette kan ikke angres. Hver sletting registreres i loggen.</translation>
    </message>
    <message>
        <source>Closed cases deleted: {0}.</source>
        <translation>Avsluttede saker slettet: {0}.</translation>
    </message>
    <message>
        <source>{0} closed cases deleted.</source>
        <translation type="vanished">Avsluttede saker slettet: {0}.</translation>
    </message>
</context>
<context>
    <name>TrainingFrame</name>
    <message>
        <source>TRAINING</source>
        <extracomment>The frame&apos;s width and the height of the strip at the top, in pixels at 100 %.</extracomment>
        <translation>OPPLÆRING</translation>
    </message>
    <message>
        <source>TRAINING: synthetic cases only, not a real child</source>
        <translation>OPPLÆRING: bare oppdiktede saker, ikke et virkelig barn</translation>
    </message>
</context>
<context>
    <name>TrainingRoom</name>
    <message>
        <source>item {0} of {1}</source>
        <translation>punkt {0} av {1}</translation>
    </message>
    <message>
        <source>In the child&apos;s words</source>
        <translation>Med barnets ord</translation>
    </message>
    <message>
        <source>Element and strength</source>
        <translation>Element og styrke</translation>
    </message>
    <message>
        <source>{0} · {1} indicator</source>
        <translation>{0} · {1} indikator</translation>
    </message>
    <message>
        <source>Reading the behaviour</source>
        <translation>Å lese atferden</translation>
    </message>
    <message>
        <source>What we see: {0}
The common narrative: {1}
What it may mean: {2}</source>
        <translation>Det vi ser: {0}
Den vanlige forklaringen: {1}
Hva det kan bety: {2}</translation>
    </message>
    <message>
        <source>Trainer notes (not on the projector):</source>
        <translation>Notater til kursholder (vises ikke på prosjektoren):</translation>
    </message>
    <message>
        <source>Guidance for the worker:</source>
        <translation>Veiledning til fagpersonen:</translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation>Øv&amp;else</translation>
    </message>
    <message>
        <source>Worked e&amp;xample</source>
        <translation>Ek&amp;sempel</translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation>&amp;Indikatorer</translation>
    </message>
    <message>
        <source>&amp;Exercises</source>
        <translation>Ø&amp;velser</translation>
    </message>
    <message>
        <source>Wor&amp;ked examples</source>
        <translation>E&amp;ksempler med løsning</translation>
    </message>
    <message>
        <source>Show on the &amp;projector</source>
        <translation>Vis på &amp;prosjektoren</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Mindre tekst</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Større tekst</translation>
    </message>
    <message>
        <source>Back to &amp;cases</source>
        <translation>Ti&amp;lbake til sakene</translation>
    </message>
    <message>
        <source>Escape (with the projector hidden)</source>
        <translation>Escape (når prosjektoren er skjult)</translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>Projector text {0} %</source>
        <translation>Tekst på prosjektoren {0} %</translation>
    </message>
    <message>
        <source>The projector&apos;s view opens full screen on the second screen ({0}).</source>
        <translation>Prosjektorvisningen åpnes i fullskjerm på den andre skjermen ({0}).</translation>
    </message>
    <message>
        <source>One screen: F5 shows the projector&apos;s view here, full screen; Escape or F5 comes back.</source>
        <translation>Én skjerm: F5 viser prosjektorvisningen her, i fullskjerm; Escape eller F5 fører deg tilbake.</translation>
    </message>
    <message>
        <source>One screen: F5 shows the projector&apos;s view full screen on this one, without the trainer&apos;s notes; Escape or F5 comes back here.</source>
        <translation type="vanished">Én skjerm: F5 viser prosjektorvisningen i fullskjerm på denne skjermen, uten kursholderens notater; Escape eller F5 fører deg tilbake hit.</translation>
    </message>
    <message>
        <source>Training room…</source>
        <translation>Opplæringsrom…</translation>
    </message>
    <message>
        <source>Training room: the projector, exercises, worked examples</source>
        <translation>Opplæringsrom: prosjektoren, øvelser, eksempler med løsning</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>User name</source>
        <extracomment>The store opened by the recovery key, and the new recovery key to show once. An unlock or a recovery has started off the UI thread.</extracomment>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>Glemt passordet?</translation>
    </message>
    <message>
        <source>idcheck is locked</source>
        <translation>idcheck er låst</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation type="vanished">Åpner datalageret…</translation>
    </message>
    <message>
        <source>Setting the new password…</source>
        <translation type="vanished">Setter det nye passordet …</translation>
    </message>
    <message>
        <source>The store could not be opened ({0}). Restore a backup or ask an administrator.</source>
        <translation type="vanished">Lageret kunne ikke åpnes ({0}). Gjenopprett en sikkerhetskopi eller spør en administrator.</translation>
    </message>
    <message>
        <source>That is not a recovery key: eight groups of four letters A-Z and digits 2-7.</source>
        <translation>Det er ikke en gjenopprettingsnøkkel: åtte grupper med fire bokstaver A–Z og sifre 2–7.</translation>
    </message>
    <message>
        <source>That recovery key does not open this store.</source>
        <translation type="vanished">Den gjenopprettingsnøkkelen åpner ikke dette datalageret.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="vanished">Feil brukernavn eller passord.</translation>
    </message>
    <message>
        <source>This account is disabled; a disabled account cannot be recovered.</source>
        <translation type="vanished">Denne kontoen er deaktivert; en deaktivert konto kan ikke gjenopprettes.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation type="vanished">Denne kontoen er deaktivert; spør en administrator.</translation>
    </message>
    <message>
        <source>There is no user of that name in this store.</source>
        <translation type="vanished">Det finnes ingen bruker med det navnet i dette datalageret.</translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters.</source>
        <translation type="vanished">Det nye passordet må ha minst 10 tegn.</translation>
    </message>
    <message>
        <source>The store is open in another idcheck window or command. Close it, then try again.</source>
        <translation type="vanished">Datalageret er åpent i et annet idcheck-vindu eller en annen kommando. Lukk det, og prøv igjen.</translation>
    </message>
    <message>
        <source>This key no longer opens the store: the access was withdrawn (an account disabled, a password reset or a new recovery key), or the key files belong to another copy of the store. Ask an administrator.</source>
        <translation type="vanished">Denne nøkkelen åpner ikke lenger datalageret: tilgangen ble trukket tilbake (en konto deaktivert, et passord tilbakestilt eller en ny gjenopprettingsnøkkel), eller nøkkelfilene hører til en annen kopi av datalageret. Spør en administrator.</translation>
    </message>
    <message>
        <source>A newer idcheck wrote this store; nothing was changed: {0}</source>
        <translation type="vanished">Datalageret er skrevet av en nyere idcheck; ingenting ble endret: {0}</translation>
    </message>
    <message>
        <source>The store is damaged; nothing was changed: {0}</source>
        <translation type="vanished">Datalageret er skadet; ingenting ble endret: {0}</translation>
    </message>
    <message>
        <source>This is not an idcheck store; nothing was changed: {0}</source>
        <translation type="vanished">Dette er ikke et idcheck-datalager; ingenting ble endret: {0}</translation>
    </message>
    <message>
        <source>There is no store here: {0}</source>
        <translation type="vanished">Det finnes ikke noe datalager her: {0}</translation>
    </message>
    <message>
        <source>The data folder cannot be written: {0}</source>
        <translation type="vanished">Det går ikke å skrive i datamappen: {0}</translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again: {0}</source>
        <translation type="vanished">Disken er full; frigjør plass og prøv igjen: {0}</translation>
    </message>
    <message>
        <source>You may try again.</source>
        <translation>Du kan prøve igjen.</translation>
    </message>
    <message>
        <source>Too many failed tries. Wait {0} s.</source>
        <translation>For mange mislykkede forsøk. Vent {0} s.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>worker</source>
        <translation>medarbeider</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brukere</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruker</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>&amp;Legg til en bruker…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Tilbakestill passordet…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktiver</translation>
    </message>
    <message>
        <source>New recovery &amp;key…</source>
        <translation>Ny gjenopprettings&amp;nøkkel…</translation>
    </message>
    <message>
        <source>disabled</source>
        <extracomment>A running change of the database key (disable, reset, new recovery key).</extracomment>
        <translation>deaktivert</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>New password for {0}</source>
        <translation>Nytt passord for {0}</translation>
    </message>
    <message>
        <source>The password of {0} is changed.</source>
        <translation>Passordet til {0} er endret.</translation>
    </message>
    <message>
        <source>Choose the user to disable in the list.</source>
        <translation>Velg brukeren som skal deaktiveres, i listen.</translation>
    </message>
    <message>
        <source>{0} is disabled already.</source>
        <translation>{0} er deaktivert allerede.</translation>
    </message>
    <message>
        <source>Disable {0}? They can no longer unlock this store; what they recorded stays.</source>
        <translation>Deaktivere {0}? Brukeren kan ikke lenger låse opp dette datalageret. Det brukeren har registrert, blir liggende.</translation>
    </message>
    <message>
        <source>Make a new recovery key? The old one stops working at once, also with a copy of old key files. The new key is shown once: have paper and pen ready.</source>
        <translation>Lage en ny gjenopprettingsnøkkel? Den gamle slutter å virke med én gang, også med en kopi av gamle nøkkelfiler. Den nye nøkkelen vises én gang: ha papir og penn klar.</translation>
    </message>
    <message>
        <source>Changing the database key…</source>
        <translation type="vanished">Bytter nøkkelen til datalageret …</translation>
    </message>
    <message>
        <source>These users had not signed in since idcheck was updated and can no longer unlock; reset their passwords: {0}</source>
        <translation>Disse brukerne har ikke logget inn siden idcheck ble oppdatert og kan ikke lenger låse opp; tilbakestill passordene deres: {0}</translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <source>strong</source>
        <extracomment>The key that opens the why of the item with the focus.</extracomment>
        <translation>sterk</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>middels</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>svak</translation>
    </message>
    <message>
        <source>Verified: the element and the strength were read in the cited source itself.</source>
        <extracomment>What each verification means for the item it is on.</extracomment>
        <translation>Verifisert: elementet og styrken er lest i selve kilden det vises til.</translation>
    </message>
    <message>
        <source>Secondary: this item is found only in a compilation that cites other work; the original was not read. Its element and strength rest on how others read that work: weigh it with that in mind.</source>
        <translation>Annenhånds: dette punktet finnes bare i en sammenstilling som viser til andre arbeider; originalen er ikke lest. Elementet og styrken bygger på hvordan andre har lest det arbeidet: vei punktet med det i tankene.</translation>
    </message>
    <message>
        <source>Unverified: no published list gives this element and strength; they are the checklist authors&apos; judgement. Take the strength as a guide for the conversation, not as evidence.</source>
        <translation>Ikke verifisert: ingen publisert liste gir dette elementet og denne styrken; de bygger på skjønnet til dem som har laget sjekklisten. Bruk styrken som en rettesnor for samtalen, ikke som bevis.</translation>
    </message>
    <message>
        <source>Element:</source>
        <translation>Element:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Styrke:</translation>
    </message>
    <message>
        <source>How well this is supported</source>
        <translation>Hvor godt dette er underbygget</translation>
    </message>
    <message>
        <source>For this item:</source>
        <translation>For dette punktet:</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Kilder</translation>
    </message>
    <message>
        <source>This item cites no source.</source>
        <translation>Dette punktet viser ikke til noen kilde.</translation>
    </message>
    <message>
        <source>at: {0}</source>
        <translation>sted: {0}</translation>
    </message>
    <message>
        <source>The guide could not be read: {0}</source>
        <translation>Veilederen kunne ikke leses: {0}</translation>
    </message>
    <message>
        <source>The guide has no section on this item; F1 opens the guide at its start.</source>
        <translation>Veilederen har ingen del om dette punktet; F1 åpner veilederen fra begynnelsen.</translation>
    </message>
    <message>
        <source>In the guide: {0}. F1 opens it there.</source>
        <translation>I veilederen: {0}. F1 åpner den der.</translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>Why this item: its sources</source>
        <translation>Hvorfor dette punktet: kildene</translation>
    </message>
    <message>
        <source>Sources and verification of the item</source>
        <translation>Punktets kilder og verifisering</translation>
    </message>
    <message>
        <source>Read in the &amp;guide (F1)</source>
        <translation>Les i &amp;veilederen (F1)</translation>
    </message>
    <message>
        <source>&amp;Guide (F1)</source>
        <translation>&amp;Veileder (F1)</translation>
    </message>
</context>
<context>
    <name>admin</name>
    <message>
        <source>administrator</source>
        <translation type="vanished">administrator</translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="vanished">medarbeider</translation>
    </message>
</context>
</TS>
