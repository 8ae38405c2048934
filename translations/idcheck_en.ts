<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Timeline</source>
        <extracomment>An entry was opened: its kind and record id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for the case&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded on the case, oldest first. Enter opens an entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change first &amp;contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not needed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a task…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due times count from first contact: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE: {0} of {1} open tasks; due in the next 24 hours: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing overdue ({1} open tasks); due in the next 24 hours: {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a referral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change its &amp;state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing episodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went &amp;missing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update the episode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ MISSING since {0}: record when the child is found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No missing episode is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child has not been recorded as missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A next review is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed in this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}; the earlier version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} at {2}; the {3} earlier versions are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan is saved yet: write the child&apos;s needs below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review date in row {0} is not a date (YYYY-MM-DD): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan is saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. social worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name or number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I take this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what is to be done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the task is not needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open again: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the task is open again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact or agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say to whom it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A declined referral needs the reason it was declined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing episode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found or returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every due time counts from this moment: when the child first came to notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the first contact changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <extracomment>A task is &quot;due soon&quot; when its deadline is within this many seconds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done {0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>screener</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>taken by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <extracomment>Where a referral may go from each state (the store refuses the others).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, version {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set to {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: due {1} (was {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: follow up on {1} (was {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the note is now: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (was: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. Reason: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSING now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found; no return interview yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found; return interview held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child is missing: an episode is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks overdue: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks due in the next 24 hours: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing overdue or due soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My work</source>
        <extracomment>How often the page looks at the clock (milliseconds). Open a case at its tasks: the case id and the task id. The rows shown, and when they stop being true (window clock).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My tasks overdue or due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;case list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: your open tasks that are overdue or due before the end of today, soonest first, with the unassigned ones of the cases you opened and those of disabled accounts, until someone takes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is overdue or due today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE: {0}. Due later today: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today: {0}. Overdue: none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the new due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the due time changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up of the referral to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referral&apos;s follow-up task moves with the date, or closes without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the follow-up date changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddRecipientDialog</name>
    <message>
        <source>Add a recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key or card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the public card (idcheck keys show) or the age public key (age1…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a site or an agency that cases may be sent to. Only its public key goes here: never a private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was a private key. It must never leave its owner, and it was not kept: the box and the clipboard are emptied. Ask for the public key only (age1…, or the site&apos;s card).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a public key: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an idcheck site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is {0}. Its fingerprint is:

    {1}

Ask them to read you theirs (by phone or in person): add it only if it is the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the recipient a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0} with the fingerprint {1}?

Only if it is the fingerprint read to you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <source>Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local c&amp;ontacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reci&amp;pients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setti&amp;ngs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup and check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatistics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Answer</name>
    <message>
        <source>I observed it</source>
        <extracomment>Where an answer comes from: the worker saw it, the child said it, another person said it, or a document shows it. A source as the worker chooses it while answering (first person).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child said it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another person said it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A document shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>observed by the worker</source>
        <extracomment>A source as a document states it to its reader (third person).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another person said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a document shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The answers every indicator and yes-no question shares, and the specials.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Case {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gives {0}, assessed {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (disputed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth the child gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accompanying adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child may be under 18: treat them as a child until their age is assessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amended by #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the &amp;case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case and screenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ MISSING since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {0} OVERDUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Missing now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age the child gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age is disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>police</source>
        <extracomment>Who identified the child, as the form lists them (the statistics count them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immigration authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child welfare service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voluntary organisation (NGO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth the child gives (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages the child speaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example: Arabic, French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accompanying adult</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation the adult states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth the child gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case reference must be one line of text: it holds a line break or an invisible character. Type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {0} does not exist: check the month and the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {0} is not a date: write it as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {0} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child may be under 18: treat them as a child until their age is assessed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <extracomment>Rows read from the store and given to the view at a time (the first page, then one more each time the view is scrolled to its end). Sorted anew, the list is read down to the case selected if it is among this many rows, so it stays selected. The value of a row in each of the store&apos;s orders: what the next page is read below.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft of this case recorded an answer that stops the screening for immediate danger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DANGER STOP</source>
        <extracomment>The column that marks a draft in which the danger stop fired. The follow-up: an open missing episode, overdue and due-soon tasks, in words with an icon (colour only repeats them). The column the list is sorted by at first (newest first). The columns the store reads the list in the order of, a page at a time.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <extracomment>The administration, at its Site tab.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search reference or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Screen / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open last screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;My work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is not set up: referrals cannot print the site&apos;s name or choose its country&apos;s referral routes until an administrator sets them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;up the site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases shown: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case {0}? It stays readable; the retention time starts now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &amp;contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load a site directory file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names starting with EXAMPLE are placeholders. Check every number before the tool is used with children.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a site directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory files (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts saved: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DangerDialog</name>
    <message>
        <source>Immediate danger: stop the screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This screening recorded an immediate danger. Make sure it has been acted on before you go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whom to call:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have read this and am acting on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the immediate danger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataTab</name>
    <message>
        <source>Back up the &amp;store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check the audit trail and the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit anchor from a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1234:0a1b2c3d4e5f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Anchor from a printed referral (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backup is one encrypted file: the same passwords and the recovery key open it. Keep it on a drive that stays in the office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every referral prints the audit trail&apos;s head (such as 1234:0a1b2c3d4e5f) on each page. Checked against it, the trail must reach that row unchanged: without one, the check cannot show rows cut off the end of the trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idcheck backups (*.idcheck-backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idcheck backups (*.idcheck-backup *)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace everything in this store with the backup {0}? The window locks, the backup is checked in full first, and the replaced files are kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password, to open the backup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not an audit anchor: it is the row number, a colon and at least 8 letters and digits of its hash, as printed on a referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found. Restore a backup that checks, and keep this store&apos;s file for whoever looks into it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} audit rows; head {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>The package was not imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read; nothing was changed:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document cannot be made: this computer has no font for some of its text. Nothing was saved. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That file cannot be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A completed screening is never changed; amend it instead. ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is locked; unlock it to go on. ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: this was not saved; everything saved before is intact. Free some space and try again. ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder cannot be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer idcheck wrote this store; nothing was changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an idcheck store; nothing was changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no store here: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is damaged; restore a backup that checks: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is open in another idcheck window: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store refused this: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: the file was not written. Free some space or choose another drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That folder cannot be written (it is read-only, or you may not write there): the file was not written. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store could not be opened ({0}). Restore a backup or ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed tries. Wait {0} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a recovery key: eight groups of four letters A-Z and digits 2-7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That recovery key does not open this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled; a disabled account cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no user of that name in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is open in another idcheck window or command. Close it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key no longer opens the store: the access was withdrawn (an account disabled, a password reset or a new recovery key), or the key files belong to another copy of the store. Ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is damaged; nothing was changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was replaced: that user name and password do not open the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was replaced: a newer idcheck wrote this backup. ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was replaced: the backup is damaged or is not an idcheck backup. ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was replaced: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <source>Exercise to run</source>
        <extracomment>The room&apos;s answers by key, as in the walk-through.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step, as the room sees it, and the trainer&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room answers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room answers: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s &amp;decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s reasons (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not decided yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker answered: {0} (not on the projector until the reveal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise: case {0} (synthetic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked example: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>says {0} years old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessed at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the child was met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An adult with the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through what the worker found, item by item. For each sign, what would you answer? Then decide, and see what the rules suggest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These answers were given. Which outcome do the checklist&apos;s rules suggest, and which rules lead there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not yet: Y yes, N no, U unsure, D declined, S not asked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What does the room decide?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which outcome do the rules suggest?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule fired: the checklist&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>because of: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the checklist&apos;s rules suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the room&apos;s answers the rules suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the room answered otherwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: the room {1}, the worker {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worker decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing yet: the screening is a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The room decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this case teaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules suggest; the professional decides, and records the reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reveal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The referral PDF, encrypted, was written to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was written to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these recipients can open it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {0} (fingerprint {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency opens it with its own key: age -d -i KEY.txt FILE &gt; referral.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the file (recorded in the audit trail): {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export case {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;whole case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;referral PDF only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For another idcheck site, which imports it and merges it with what it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an agency without idcheck, which opens it with the standard age tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is encrypted so that only the recipients chosen here can open it, and signed by this computer&apos;s store. Check each fingerprint with the recipient if you are unsure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory has no recipient yet: an administrator adds them under Administration, Recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to send:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted referrals (*.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case packages (*.idcheck);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole case to an agency?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: an agency without idcheck cannot import a case package; it would read the whole case as raw data. What an agency reads is the referral PDF. Send the whole case anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} exists already. Replace it with this export?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Administrator user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the encrypted store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up idcheck on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you record is kept encrypted in {0}. Each person who uses this computer gets their own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrals and letters name the site, print its phone and address, and list the referral routes of its jurisdiction. An administrator can change this later under Administration, Site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review on (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countdown</source>
        <extracomment>A cell shows at most this many characters (the tooltip and a screen reader get the whole text), so that a long task never pushes its due time aside.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Individual plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case created</source>
        <extracomment>The timeline&apos;s titles (the store&apos;s English keys), as the window says them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due time changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up date changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task is due on the referral&apos;s follow-up date: change that date on the Referrals tab.</source>
        <extracomment>The clocks of tasks whose due time is a date kept elsewhere.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This task is due on the individual plan&apos;s review date: save the plan with a new date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>{0}: a draft, not yet reviewed. Check it with your lead.</source>
        <extracomment>The key that opens the guide from anywhere in the window. The keys the search field hands to the list of sections.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: reviewed by {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For sites in: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words to find in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every &amp;place&apos;s duties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s place is not set: the duties of every place are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also the duties and numbers of places other than this site&apos;s ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of the guide found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The section of the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide: {0} (version {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No section holds every word you typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing in the guide holds every word of “{0}”. Try fewer words, or the guide&apos;s other language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide could not be read; nothing was changed:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help: the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message>
        <source>Import a case package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case packages (*.idcheck *.age);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This package is from a site this computer does not know yet: {0}.

Its fingerprint is:

    {1}

Ask the sender to read you their fingerprint (by phone or in person). Import only if it is the same. Is it the same?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sender not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {0} (fingerprint {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sender is now in the directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new: everything in it is here already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New case: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is in use here: the case was added as {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details taken from the sender: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brought up to date: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed {0}: this computer&apos;s details stay, and the sender&apos;s are kept beside them (open the case to see both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} screening(s) and {1} answer(s) added, {2} completed, {3} kept as two versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} follow-up record(s) (tasks, referrals, plans, missing episodes, notes) added or brought up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the file (recorded in the audit trail): {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <source>&amp;Yes</source>
        <extracomment>The answers of an indicator or a yes-no question, with their single keys.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a&amp;sked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What we see: {0}
A common reading: {1}
What it may mean: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <extracomment>item id, the answer, whether the walk should move on item id: keyboard focus entered this panel a message for the worker (an answer that could not be read) item id: the context fields were made (new controls for the tab order)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number ({0}), then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the answer, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the answer context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(source not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s own words, as said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read back to the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own words recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interpreter {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the date {0} does not exist: check the month and the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the date {0} is in the future; the dates asked here are of what has happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No number for {0} is set up on this computer (an administrator adds it under Administration → Local contacts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the child is in danger now, call the police.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has no child wording in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft translation: have a qualified interpreter check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In your language: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No child wording for this item: adult words shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: expected a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: expected a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hecklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items of the checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item, the trainer&apos;s notes and the sources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>the child&apos;s guardian or representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child&apos;s lawyer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the child&apos;s asylum case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the checklist suggests, and the professional&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The letter is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the child&apos;s names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the printed letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick each fact you have checked against the record and want in the letter. Nothing is ticked to begin with: the letter holds only what you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm at least one fact to see the letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} facts confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the support letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>idcheck: TRAINING (synthetic cases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING MODE: synthetic cases only. Do not enter a real child&apos;s details: everything here is deleted when this window closes. User {0}, password: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idcheck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <extracomment>Who was signed in when the lock closed a dialog (told at the next unlock).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lock closed the dialog that was open. Everything saved before is here; what was typed in it and not yet saved was not kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Creating the encrypted store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the new password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorting every case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting completed screenings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting closed cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the database key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and importing the package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypting and writing the case…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OtherVersions</name>
    <message>
        <source>Given name</source>
        <extracomment>The details a version shows, in the case dialog&apos;s order (the reference is each site&apos;s own and not compared).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age the child gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth the child gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both sides changed this case&apos;s details. The details shown above are this computer&apos;s; another site&apos;s version is kept beside them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {0}, received {1}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  the same as here now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {0}: {1} (here: {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another site&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password (at least 10 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>idcheck: TRAINING — projector</source>
        <extracomment>The projector&apos;s text sizes, in percent. How each kind of block looks (font sizes at 100 %, scaled to the room&apos;s size).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING: synthetic material, not a real child</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Scroll here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Recipients</name>
    <message>
        <source>{0}: revoked {1} by {2}, cannot be chosen</source>
        <extracomment>An item&apos;s data: the recipient&apos;s name when it is an agency (an age key alone).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idcheck site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agency, age key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}, fingerprint {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsTab</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add from a &amp;key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a p&amp;asted key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this site&apos;s &amp;card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site&apos;s fingerprint, to read to a site that adds this one: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revoked {0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can be sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idcheck site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient&apos;s public key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public keys and cards (*.card *.txt *.pub);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the recipient to revoke in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke {0} (fingerprint {1})?

Nothing will be sent to it from now on, and no package it signs will be imported. It stays in the list as revoked. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this site&apos;s public card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public cards (*.card);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This site&apos;s public card was written to {0}. Give it to the other site, and read them the fingerprint {1} by phone or in person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <source>Forgot your password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery key was shown once when this store was set up: eight groups of four letters and digits. It sets a new password for the user named here. A new recovery key is then shown, and the old one stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the recovery key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group 2 of the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last group of the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this key down by hand and keep it somewhere safe. It opens the store if every password is forgotten. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To confirm you wrote it down, type two groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those groups do not match; look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery key is not shown again. Type group 2 and the last group to confirm you wrote it down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the child&apos;s names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the printed referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support &amp;letter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A letter for a guardian, a lawyer or the asylum case, with facts you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the referral summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer is set up to print through the print server {0} on the network. Print through it? The system&apos;s print service would then send the referral over the network (idcheck itself never connects to one). No: print on this computer only (its own printers, or to a PDF file).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Restore</name>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is restored ({0} audit rows check). Unlock to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is a backup of another store (store id {1}), not of this one (store id {2}), even if the same user name and password open it. Restoring it replaces every case in this store with that store&apos;s cases (the replaced files are kept beside them). Replace this store with it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Strong indicators</source>
        <extracomment>How an indicator&apos;s strength is named in the review (translated at display).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>The answer that put an indicator in the review.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secondary source</source>
        <extracomment>How well an indicator&apos;s grading is supported, when it is not read in a primary source.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checklist authors&apos; judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review and decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist&apos;s rules suggest: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule fired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was recorded and what the rules suggest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of the {1} items shown have no answer. Completing now records the screening without them, and the referral says so; to answer them, close the review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;reasons (required when you differ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughout, with no due time (standing guidance):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standing guidance: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record decision and &amp;complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the decision and complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give your reasons: your decision differs from the suggestion.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningView</name>
    <message>
        <source>Overview of the items</source>
        <extracomment>Drawn on top of the application style: which panel the single keys answer.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O; Enter opens the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only unanswered items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One &amp;item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one item at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One s&amp;ection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one section at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adult words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the wording for the worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child &amp;words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the child-friendly wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The child&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Child&apos;s &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amend this screening as a new linked record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to &amp;cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the case list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {0} · screening #{1}</source>
        <extracomment>original screening id, the new linked draft now shown in this view</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an amendment of screening #{0}; the original stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed {0}: read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was amended as screening #{0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the a&amp;mendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the amendment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To change it, amend it: a new linked record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate danger recorded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section {0} of {1} · {2} of {3} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item has an answer: open the review (Ctrl+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. prs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter (who)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next unanswered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next unanswered item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;ferral…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} · {2} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT saved — see the message; nothing you typed was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved ✓ {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>idcheck</source>
        <extracomment>The clock every view reads &quot;now&quot; from (epoch seconds): what is due, overdue or due today. Tests give their own and move it, never sleep.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as this computer ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal (100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large (150 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very large, for a projector (200 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is how large the text will be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of the text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training mode: these settings last until this training window closes (start it with &apos;idcheck demo --text-size 200 --lang nb&apos; to open it so).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings are kept on this computer and apply to everyone who uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteFields</name>
    <message>
        <source>Norway</source>
        <extracomment>The jurisdictions a site can choose (the store&apos;s codes), named in the interface language.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>England and Wales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the site</source>
        <extracomment>The languages documents can be printed in (the store&apos;s codes).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of printed documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print documents in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <source>Use every referral routes file of the site&apos;s country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the routes file {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every referral and letter names the site and prints its phone and address. A referral lists only the routes the site uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral routes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the jurisdiction to see its routes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No routes file for this country is installed: choose one below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one routes file, or use those of the site&apos;s country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>total</source>
        <extracomment>The words of the tables, for translation (the core keeps the English ones).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed screenings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exploitation form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identified by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under 12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 to 14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 to 17</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>18 or over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sexual exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labour exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domestic servitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forced begging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>criminal exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forced marriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no form recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>immigration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>child welfare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NGO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymised statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts of 1 to 4 are shown as &lt;5. Where a total would reveal such a count, the next smallest count in the same row or column is hidden as well (x). No names, case references or free text are in these figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end is before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} completed screenings from {1} to {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSettingsTab</name>
    <message>
        <source>Minutes of inactivity before the window locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years a closed case is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep every case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete closed cases past the retention time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retention time shown is not saved: press Save settings first. Nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every case is kept: no retention time is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every closed case older than 1 year, with its screenings? This cannot be undone; each deletion is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete every closed case older than {0} years, with its screenings? This cannot be undone; each deletion is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed cases deleted: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingFrame</name>
    <message>
        <source>TRAINING</source>
        <extracomment>The frame&apos;s width and the height of the strip at the top, in pixels at 100 %.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TRAINING: synthetic cases only, not a real child</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingRoom</name>
    <message>
        <source>item {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the child&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Element and strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What we see: {0}
The common narrative: {1}
What it may mean: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer notes (not on the projector):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance for the worker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worked e&amp;xample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Exercises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wor&amp;ked examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show on the &amp;projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to &amp;cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escape (with the projector hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projector text {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The projector&apos;s view opens full screen on the second screen ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One screen: F5 shows the projector&apos;s view here, full screen; Escape or F5 comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training room: the projector, exercises, worked examples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>User name</source>
        <extracomment>The store opened by the recovery key, and the new recovery key to show once. An unlock or a recovery has started off the UI thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idcheck is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a recovery key: eight groups of four letters A-Z and digits 2-7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed tries. Wait {0} s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery &amp;key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <extracomment>A running change of the database key (disable, reset, new recovery key).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of {0} is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the user to disable in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is disabled already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable {0}? They can no longer unlock this store; what they recorded stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery key? The old one stops working at once, also with a copy of old key files. The new key is shown once: have paper and pen ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These users had not signed in since idcheck was updated and can no longer unlock; reset their passwords: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <source>strong</source>
        <extracomment>The key that opens the why of the item with the focus.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: the element and the strength were read in the cited source itself.</source>
        <extracomment>What each verification means for the item it is on.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary: this item is found only in a compilation that cites other work; the original was not read. Its element and strength rest on how others read that work: weigh it with that in mind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unverified: no published list gives this element and strength; they are the checklist authors&apos; judgement. Take the strength as a guide for the conversation, not as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Element:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well this is supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For this item:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item cites no source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide has no section on this item; F1 opens the guide at its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the guide: {0}. F1 opens it there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WhyDialog</name>
    <message>
        <source>Why this item: its sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources and verification of the item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read in the &amp;guide (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide (F1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
