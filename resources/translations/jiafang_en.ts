<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>ArchiveSection</name>
    <message>
      <source>Search results</source>
      <translation>Search results</translation>
    </message>
    <message>
      <source>Find a student (name, pinyin, initials, student no.)</source>
      <translation>Find a student (name, pinyin, initials, student no.)</translation>
    </message>
  </context>
  <context>
    <name>BasicInfoTab</name>
    <message>
      <source>New student</source>
      <translation>New student</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>Ethnicity</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>ID number</source>
      <translation>ID number</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Major</source>
      <translation>Major</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Political status</source>
      <translation>Political status</translation>
    </message>
    <message>
      <source>Household registration</source>
      <translation>Household registration</translation>
    </message>
    <message>
      <source>Place of origin</source>
      <translation>Place of origin</translation>
    </message>
    <message>
      <source>Home address</source>
      <translation>Home address</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <source>Parent's mobile</source>
      <translation>Parent's mobile</translation>
    </message>
    <message>
      <source>High school</source>
      <translation>High school</translation>
    </message>
    <message>
      <source>Talents</source>
      <translation>Talents</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>Counselor</translation>
    </message>
    <message>
      <source>Family members</source>
      <translation>Family members</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <source>Please correct the marked fields.</source>
      <translation>Please correct the marked fields.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
  </context>
  <context>
    <name>BatchExportDialog</name>
    <message>
      <source>Export PDFs</source>
      <translation>Export PDFs</translation>
    </message>
    <message numerus="yes">
      <source>Selected students (%n)</source>
      <translation>
        <numerusform>Selected student (%n)</numerusform>
        <numerusform>Selected students (%n)</numerusform>
      </translation>
    </message>
    <message>
      <source>All students matching the roster search and filters</source>
      <translation>All students matching the roster search and filters</translation>
    </message>
    <message>
      <source>A college:</source>
      <translation>A college:</translation>
    </message>
    <message>
      <source>A class:</source>
      <translation>A class:</translation>
    </message>
    <message>
      <source>Home-visit forms</source>
      <translation>Home-visit forms</translation>
    </message>
    <message>
      <source>Growth archives</source>
      <translation>Growth archives</translation>
    </message>
    <message>
      <source>One combined file (otherwise one file per student)</source>
      <translation>One combined file (otherwise one file per student)</translation>
    </message>
    <message>
      <source>Include key support (restricted)</source>
      <translation>Include key support (restricted)</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Visits dated</source>
      <translation>Visits dated</translation>
    </message>
    <message>
      <source>Into folder</source>
      <translation>Into folder</translation>
    </message>
    <message>
      <source>Which students</source>
      <translation>Which students</translation>
    </message>
    <message>
      <source>Export into folder</source>
      <translation>Export into folder</translation>
    </message>
    <message>
      <source>Choose a folder to export into.</source>
      <translation>Choose a folder to export into.</translation>
    </message>
    <message>
      <source>The start date is after the end date.</source>
      <translation>The start date is after the end date.</translation>
    </message>
    <message>
      <source>Choose which students to export.</source>
      <translation>Choose which students to export.</translation>
    </message>
    <message>
      <source>Reading the records…</source>
      <translation>Reading the records…</translation>
    </message>
    <message>
      <source>Nothing to export for these students and dates.</source>
      <translation>Nothing to export for these students and dates.</translation>
    </message>
    <message>
      <source>Writing PDFs…</source>
      <translation>Writing PDFs…</translation>
    </message>
    <message>
      <source>Exported %1 of %2 students…</source>
      <translation>Exported %1 of %2 students…</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s)</source>
      <translation>
        <numerusform>%n file</numerusform>
        <numerusform>%n files</numerusform>
      </translation>
    </message>
    <message>
      <source>Cancelled after %1 of %2 students; %3 finished are kept in %4.</source>
      <translation>Cancelled after %1 of %2 students; %3 finished are kept in %4.</translation>
    </message>
    <message>
      <source>Exported %1 students into %2 in %3.</source>
      <translation>Exported %1 students into %2 in %3.</translation>
    </message>
    <message>
      <source>The export failed.</source>
      <translation>The export failed.</translation>
    </message>
    <message>
      <source>Cancelled; nothing was written.</source>
      <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Choose a college…</source>
      <translation>Choose a college…</translation>
    </message>
    <message>
      <source>Choose a class…</source>
      <translation>Choose a class…</translation>
    </message>
  </context>
  <context>
    <name>ChangePassphraseDialog</name>
    <message>
      <source>Change passphrase</source>
      <translation>Change passphrase</translation>
    </message>
    <message>
      <source>Current passphrase</source>
      <translation>Current passphrase</translation>
    </message>
    <message>
      <source>New passphrase</source>
      <translation>New passphrase</translation>
    </message>
    <message>
      <source>Repeat new passphrase</source>
      <translation>Repeat new passphrase</translation>
    </message>
    <message>
      <source>The app locks afterwards; unlock with the new passphrase.</source>
      <translation>The app locks afterwards; unlock with the new passphrase.</translation>
    </message>
  </context>
  <context>
    <name>DraftOffer</name>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>Later</translation>
    </message>
    <message>
      <source>An unsaved home-visit form for %1 (%2) was kept. Open it?</source>
      <translation>An unsaved home-visit form for %1 (%2) was kept. Open it?</translation>
    </message>
    <message numerus="yes">
      <source>(%n more under Home visits)</source>
      <translation>
        <numerusform>(%n more under Home visits)</numerusform>
        <numerusform>(%n more under Home visits)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FamilyTable</name>
    <message>
      <source>Add member</source>
      <translation>Add member</translation>
    </message>
    <message>
      <source>Remove member</source>
      <translation>Remove member</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Age</source>
      <translation>Age</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>Relationship</translation>
    </message>
    <message>
      <source>Employer / school</source>
      <translation>Employer / school</translation>
    </message>
    <message>
      <source>Occupation</source>
      <translation>Occupation</translation>
    </message>
    <message>
      <source>Annual income (yuan)</source>
      <translation>Annual income (yuan)</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>Health</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Row %1, %2: %3</source>
      <translation>Row %1, %2: %3</translation>
    </message>
    <message>
      <source>Verified on this visit</source>
      <translation>Verified on this visit</translation>
    </message>
    <message>
      <source>Checked in person (or by call) on this visit</source>
      <translation>Checked in person (or by call) on this visit</translation>
    </message>
  </context>
  <context>
    <name>FirstRunWizard</name>
    <message>
      <source>Welcome to JiaFang</source>
      <translation>Welcome to JiaFang</translation>
    </message>
  </context>
  <context>
    <name>JiaFangApp</name>
    <message>
      <source>Operating system keyring</source>
      <translation>Operating system keyring</translation>
    </message>
    <message>
      <source>This computer was set to unlock JiaFang with the operating system's keyring, but the keyring no longer holds the key. Save the key in the keyring again?</source>
      <translation>This computer was set to unlock JiaFang with the operating system's keyring, but the keyring no longer holds the key. Save the key in the keyring again?</translation>
    </message>
    <message>
      <source>Creating your encrypted store…</source>
      <translation>Creating your encrypted store…</translation>
    </message>
    <message>
      <source>Wrong passphrase. Please try again; nothing was changed.</source>
      <translation>Wrong passphrase. Please try again; nothing was changed.</translation>
    </message>
    <message>
      <source>The store could not be opened (%1).</source>
      <translation>The store could not be opened (%1).</translation>
    </message>
    <message>
      <source>Wrong passphrase typed too often; nothing was changed.</source>
      <translation>Wrong passphrase typed too often; nothing was changed.</translation>
    </message>
    <message>
      <source>At the center's request, the data on this computer has been deleted: the store, its key and its backups. To use this computer again, set up a new store, log in to the center and sync; your records come back from the center.</source>
      <translation>At the center's request, the data on this computer has been deleted: the store, its key and its backups. To use this computer again, set up a new store, log in to the center and sync; your records come back from the center.</translation>
    </message>
  </context>
  <context>
    <name>KeySupportTab</name>
    <message>
      <source>Restricted: key-support status is never published.</source>
      <translation>Restricted: key-support status is never published.</translation>
    </message>
    <message>
      <source>Difficulty types</source>
      <translation>Difficulty types</translation>
    </message>
    <message>
      <source>Started</source>
      <translation>Started</translation>
    </message>
    <message>
      <source>Ended</source>
      <translation>Ended</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Not a key-support student.</source>
      <translation>Not a key-support student.</translation>
    </message>
    <message>
      <source>Mentor</source>
      <translation>Mentor</translation>
    </message>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>To</source>
      <translation>To</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>Goals</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>No mentor assigned.</source>
      <translation>No mentor assigned.</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>Assessment</source>
      <translation>Assessment</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>Next steps</translation>
    </message>
    <message>
      <source>No support sessions logged.</source>
      <translation>No support sessions logged.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>Conclusions</source>
      <translation>Conclusions</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>Measures</translation>
    </message>
    <message>
      <source>No rescue-education sessions.</source>
      <translation>No rescue-education sessions.</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Items</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>Feedback</translation>
    </message>
    <message>
      <source>No wish-list selections.</source>
      <translation>No wish-list selections.</translation>
    </message>
    <message>
      <source>Support log</source>
      <translation>Support log</translation>
    </message>
    <message>
      <source>Rescue education</source>
      <translation>Rescue education</translation>
    </message>
    <message>
      <source>Wish list</source>
      <translation>Wish list</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Sections</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>Lock</source>
      <translation>Lock</translation>
    </message>
    <message>
      <source>JiaFang Home Visits</source>
      <translation>JiaFang Home Visits</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>Locked</translation>
    </message>
    <message>
      <source>Unlocked — %1 (Ctrl+L locks)</source>
      <translation>Unlocked — %1 (Ctrl+L locks)</translation>
    </message>
    <message>
      <source>Roster</source>
      <translation>Roster</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>Home visits</translation>
    </message>
    <message>
      <source>Growth archive</source>
      <translation>Growth archive</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Settings</translation>
    </message>
  </context>
  <context>
    <name>PassphrasePage</name>
    <message>
      <source>Choose a passphrase</source>
      <translation>Choose a passphrase</translation>
    </message>
    <message>
      <source>Your records are encrypted on this computer. The passphrase opens them; if it is lost, no one can recover data that has not been synced.</source>
      <translation>Your records are encrypted on this computer. The passphrase opens them; if it is lost, no one can recover data that has not been synced.</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <source>Repeat</source>
      <translation>Repeat</translation>
    </message>
    <message>
      <source>The two passphrases differ.</source>
      <translation>The two passphrases differ.</translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewDialog</name>
    <message>
      <source>PDF preview — %1</source>
      <translation>PDF preview — %1</translation>
    </message>
    <message>
      <source>PDF preview</source>
      <translation>PDF preview</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Zoom out</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Zoom in</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>Fit width</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>Print…</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>Save as…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Page %1 of %2</translation>
    </message>
    <message>
      <source>Save PDF as</source>
      <translation>Save PDF as</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>The file could not be saved.</source>
      <translation>The file could not be saved.</translation>
    </message>
    <message>
      <source>Saved to %1</source>
      <translation>Saved to %1</translation>
    </message>
    <message>
      <source>Saved, but the audit entry failed.</source>
      <translation>Saved, but the audit entry failed.</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <source>Printing failed.</source>
      <translation>Printing failed.</translation>
    </message>
    <message>
      <source>Printing page %1 of %2…</source>
      <translation>Printing page %1 of %2…</translation>
    </message>
    <message>
      <source>Printed, but the audit entry failed.</source>
      <translation>Printed, but the audit entry failed.</translation>
    </message>
    <message numerus="yes">
      <source>Sent %n page(s) to the printer.</source>
      <translation>
        <numerusform>Sent %n page to the printer.</numerusform>
        <numerusform>Sent %n pages to the printer.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PdfPreviewOpener</name>
    <message>
      <source>The PDF could not be made.</source>
      <translation>The PDF could not be made.</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
  </context>
  <context>
    <name>PeopleTable</name>
    <message>
      <source>Remove</source>
      <translation>Remove</translation>
    </message>
  </context>
  <context>
    <name>ProfilePage</name>
    <message>
      <source>About you</source>
      <translation>About you</translation>
    </message>
    <message>
      <source>These appear on printed forms; you can change them later in Settings.</source>
      <translation>These appear on printed forms; you can change them later in Settings.</translation>
    </message>
    <message>
      <source>School</source>
      <translation>School</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>Your name</translation>
    </message>
    <message>
      <source>Your role</source>
      <translation>Your role</translation>
    </message>
  </context>
  <context>
    <name>RosterModel</name>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>Key support</translation>
    </message>
    <message>
      <source>Visited this year</source>
      <translation>Visited this year</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>Counselor</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source>%1 · new</source>
      <translation>%1 · new</translation>
    </message>
  </context>
  <context>
    <name>RosterView</name>
    <message>
      <source>Students</source>
      <translation>Students</translation>
    </message>
    <message>
      <source>Search name, pinyin, initials (zs), student no. or class  (Ctrl+F)</source>
      <translation>Search name, pinyin, initials (zs), student no. or class  (Ctrl+F)</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>All colleges</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>All grades</translation>
    </message>
    <message>
      <source>All classes</source>
      <translation>All classes</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>All levels</translation>
    </message>
    <message>
      <source>Key support: any</source>
      <translation>Key support: any</translation>
    </message>
    <message>
      <source>Key support: yes</source>
      <translation>Key support: yes</translation>
    </message>
    <message>
      <source>Visited: any</source>
      <translation>Visited: any</translation>
    </message>
    <message>
      <source>Visited this year</source>
      <translation>Visited this year</translation>
    </message>
    <message>
      <source>Not yet visited</source>
      <translation>Not yet visited</translation>
    </message>
    <message>
      <source>New students</source>
      <translation>New students</translation>
    </message>
    <message numerus="yes">
      <source>%n student(s)</source>
      <translation>
        <numerusform>%n student</numerusform>
        <numerusform>%n students</numerusform>
      </translation>
    </message>
    <message>
      <source>Export PDFs…</source>
      <translation>Export PDFs…</translation>
    </message>
    <message>
      <source>Visit forms or growth archives of the selected students, a class or a college</source>
      <translation>Visit forms or growth archives of the selected students, a class or a college</translation>
    </message>
    <message>
      <source>No student matches “%1”. Try the full pinyin, initials (zs), pinyin mixed with characters (张m), a student no. or a class; or clear the filters.</source>
      <translation>No student matches “%1”. Try the full pinyin, initials (zs), pinyin mixed with characters (张m), a student no. or a class; or clear the filters.</translation>
    </message>
    <message>
      <source>No student matches these filters. Choose “All …” in a filter to see more.</source>
      <translation>No student matches these filters. Choose “All …” in a filter to see more.</translation>
    </message>
    <message>
      <source>No students yet. Import a roster under Import/export, or sync with the center under Settings.</source>
      <translation>No students yet. Import a roster under Import/export, or sync with the center under Settings.</translation>
    </message>
    <message>
      <source>Show levels</source>
      <translation>Show levels</translation>
    </message>
    <message>
      <source>Hide levels</source>
      <translation>Hide levels</translation>
    </message>
    <message>
      <source>Privacy mode is on: identification levels and key support are hidden. Show them (Ctrl+Shift+H)</source>
      <translation>Privacy mode is on: identification levels and key support are hidden. Show them (Ctrl+Shift+H)</translation>
    </message>
    <message>
      <source>Hide identification levels and key support from people passing by (Ctrl+Shift+H)</source>
      <translation>Hide identification levels and key support from people passing by (Ctrl+Shift+H)</translation>
    </message>
    <message>
      <source>Ctrl+F. Enter opens the first student found, ↓ moves into the list.</source>
      <translation>Ctrl+F. Enter opens the first student found, ↓ moves into the list.</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <source>Visit form title</source>
      <translation>Visit form title</translation>
    </message>
    <message>
      <source>Printed at the top of every visit form; leave empty for the default wording</source>
      <translation>Printed at the top of every visit form; leave empty for the default wording</translation>
    </message>
    <message>
      <source>General</source>
      <translation>General</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>School</source>
      <translation>School</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Lock after idle</source>
      <translation>Lock after idle</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Security</translation>
    </message>
    <message>
      <source>Change passphrase…</source>
      <translation>Change passphrase…</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <source>Unlock with the operating system's keyring on this computer</source>
      <translation>Unlock with the operating system's keyring on this computer</translation>
    </message>
    <message>
      <source>Unlock with the operating system's keyring (none is available on this computer)</source>
      <translation>Unlock with the operating system's keyring (none is available on this computer)</translation>
    </message>
    <message>
      <source>No keyring service (such as GNOME Keyring or KWallet) is running on this computer, so JiaFang asks for the passphrase at every unlock.</source>
      <translation>No keyring service (such as GNOME Keyring or KWallet) is running on this computer, so JiaFang asks for the passphrase at every unlock.</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>Data</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <source>Data folder</source>
      <translation>Data folder</translation>
    </message>
    <message>
      <source>Back up now</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>Restore…</source>
      <translation>Restore…</translation>
    </message>
    <message>
      <source>Restore from</source>
      <translation>Restore from</translation>
    </message>
    <message>
      <source>That did not work (%1).</source>
      <translation>That did not work (%1).</translation>
    </message>
    <message>
      <source>Please enter the school's name.</source>
      <translation>Please enter the school's name.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>The current passphrase is not correct.</source>
      <translation>The current passphrase is not correct.</translation>
    </message>
    <message>
      <source>The keyring of this system could not be used.</source>
      <translation>The keyring of this system could not be used.</translation>
    </message>
    <message>
      <source>Backing up…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>Backup saved: %1</source>
      <translation>Backup saved: %1</translation>
    </message>
    <message>
      <source>Restore backup</source>
      <translation>Restore backup</translation>
    </message>
    <message>
      <source>Replace the current data with this backup? A backup of the current data is taken first. The app locks afterwards.</source>
      <translation>Replace the current data with this backup? A backup of the current data is taken first. The app locks afterwards.</translation>
    </message>
    <message>
      <source>Restoring…</source>
      <translation>Restoring…</translation>
    </message>
    <message>
      <source> failed course(s)</source>
      <translation> failed course(s)</translation>
    </message>
    <message>
      <source>A disadvantaged student with this many failed courses in a term goes on the watch list</source>
      <translation>A disadvantaged student with this many failed courses in a term goes on the watch list</translation>
    </message>
    <message>
      <source>No-dropout warning at</source>
      <translation>No-dropout warning at</translation>
    </message>
  </context>
  <context>
    <name>StudentProfile</name>
    <message>
      <source>Edit…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Open the selected visit in the visit form (double-click a row too)</source>
      <translation>Open the selected visit in the visit form (double-click a row too)</translation>
    </message>
    <message>
      <source>← Roster</source>
      <translation>← Roster</translation>
    </message>
    <message>
      <source>New home visit (Ctrl+N)</source>
      <translation>New home visit (Ctrl+N)</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Year</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Causes</source>
      <translation>Causes</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>Basis</translation>
    </message>
    <message>
      <source>Visit first</source>
      <translation>Visit first</translation>
    </message>
    <message>
      <source>No identification recorded.</source>
      <translation>No identification recorded.</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Project</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>Amount (yuan)</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>Funding</source>
      <translation>Funding</translation>
    </message>
    <message>
      <source>No aid recorded.</source>
      <translation>No aid recorded.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Value (yuan)</source>
      <translation>Value (yuan)</translation>
    </message>
    <message>
      <source>Granted by</source>
      <translation>Granted by</translation>
    </message>
    <message>
      <source>No growth reward yet.</source>
      <translation>No growth reward yet.</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>Visitors</translation>
    </message>
    <message>
      <source>No home visit yet.</source>
      <translation>No home visit yet.</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>No monitoring feedback.</source>
      <translation>No monitoring feedback.</translation>
    </message>
    <message>
      <source>Basic information and family</source>
      <translation>Basic information and family</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>Identification</translation>
    </message>
    <message>
      <source>Aid</source>
      <translation>Aid</translation>
    </message>
    <message>
      <source>Growth rewards</source>
      <translation>Growth rewards</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>Home visits</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>Key support</translation>
    </message>
    <message>
      <source>Monitoring feedback</source>
      <translation>Monitoring feedback</translation>
    </message>
    <message>
      <source>Growth archive</source>
      <translation>Growth archive</translation>
    </message>
    <message>
      <source>Could not load this student.</source>
      <translation>Could not load this student.</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>Not saved.</translation>
    </message>
    <message>
      <source>Preview / print / export PDF…</source>
      <translation>Preview / print / export PDF…</translation>
    </message>
    <message>
      <source>Preview / print / export PDF</source>
      <translation>Preview / print / export PDF</translation>
    </message>
    <message>
      <source>Growth archive…</source>
      <translation>Growth archive…</translation>
    </message>
    <message>
      <source>Growth archive with key support…</source>
      <translation>Growth archive with key support…</translation>
    </message>
    <message>
      <source>Blank visit form for this student…</source>
      <translation>Blank visit form for this student…</translation>
    </message>
    <message>
      <source>Basic information and family saved: %1</source>
      <translation>Basic information and family saved: %1</translation>
    </message>
    <message>
      <source>Back to the roster</source>
      <translation>Back to the roster</translation>
    </message>
    <message>
      <source>Start a home visit for this student</source>
      <translation>Start a home visit for this student</translation>
    </message>
    <message>
      <source>The selected visit's form as PDF</source>
      <translation>The selected visit's form as PDF</translation>
    </message>
    <message>
      <source>Growth archive or a blank visit form for this student</source>
      <translation>Growth archive or a blank visit form for this student</translation>
    </message>
    <message>
      <source>Enrolment</source>
      <translation>Enrolment</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>GPA</source>
      <translation>GPA</translation>
    </message>
    <message>
      <source>Failed courses</source>
      <translation>Failed courses</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>No academic results imported.</source>
      <translation>No academic results imported.</translation>
    </message>
    <message>
      <source>Academic results</source>
      <translation>Academic results</translation>
    </message>
    <message>
      <source>No one-to-one talk recorded.</source>
      <translation>No one-to-one talk recorded.</translation>
    </message>
    <message>
      <source>One-to-one talks</source>
      <translation>One-to-one talks</translation>
    </message>
    <message>
      <source>Talked with by</source>
      <translation>Talked with by</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>Topics</translation>
    </message>
  </context>
  <context>
    <name>TimelineTab</name>
    <message>
      <source>Growth archive timeline</source>
      <translation>Growth archive timeline</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>Identification</translation>
    </message>
    <message>
      <source>Aid</source>
      <translation>Aid</translation>
    </message>
    <message>
      <source>Growth reward</source>
      <translation>Growth reward</translation>
    </message>
    <message>
      <source>Home visit</source>
      <translation>Home visit</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>Key support</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>Monitoring</translation>
    </message>
    <message>
      <source>Wish list</source>
      <translation>Wish list</translation>
    </message>
    <message>
      <source>Giving back</source>
      <translation>Giving back</translation>
    </message>
    <message>
      <source>One-to-one talk</source>
      <translation>One-to-one talk</translation>
    </message>
  </context>
  <context>
    <name>UnlockPanel</name>
    <message>
      <source>JiaFang is locked</source>
      <translation>JiaFang is locked</translation>
    </message>
    <message>
      <source>Enter your passphrase to open your records.</source>
      <translation>Enter your passphrase to open your records.</translation>
    </message>
    <message>
      <source>Passphrase</source>
      <translation>Passphrase</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>Unlock</translation>
    </message>
    <message numerus="yes">
      <source>Too many wrong passphrases. Please wait %n second(s) before trying again.</source>
      <translation>
        <numerusform>Too many wrong passphrases. Please wait %n second before trying again.</numerusform>
        <numerusform>Too many wrong passphrases. Please wait %n seconds before trying again.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>VisitForm</name>
    <message>
      <source>Parts of the form</source>
      <translation>Parts of the form</translation>
    </message>
    <message>
      <source>Editing home visit: %1, %2</source>
      <translation>Editing home visit: %1, %2</translation>
    </message>
    <message>
      <source>Recovered unsaved changes</source>
      <translation>Recovered unsaved changes</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Unsaved changes</translation>
    </message>
    <message>
      <source>Save the changes to this visit before closing?</source>
      <translation>Save the changes to this visit before closing?</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>Save visit (Ctrl+S)</source>
      <translation>Save visit (Ctrl+S)</translation>
    </message>
    <message>
      <source>Save as draft</source>
      <translation>Save as draft</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>Visit</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>County / town only, no street address</source>
      <translation>County / town only, no street address</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>People</source>
      <translation>People</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>Visitors</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Add visitor</source>
      <translation>Add visitor</translation>
    </message>
    <message>
      <source>Interviewees</source>
      <translation>Interviewees</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>Relationship</translation>
    </message>
    <message>
      <source>Add interviewee</source>
      <translation>Add interviewee</translation>
    </message>
    <message>
      <source>Household</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>Family members</source>
      <translation>Family members</translation>
    </message>
    <message>
      <source>Income and housing</source>
      <translation>Income and housing</translation>
    </message>
    <message>
      <source>Income sources</source>
      <translation>Income sources</translation>
    </message>
    <message>
      <source>Household income per year (yuan)</source>
      <translation>Household income per year (yuan)</translation>
    </message>
    <message>
      <source>Income notes</source>
      <translation>Income notes</translation>
    </message>
    <message>
      <source>Main expenses</source>
      <translation>Main expenses</translation>
    </message>
    <message>
      <source>Debts (yuan)</source>
      <translation>Debts (yuan)</translation>
    </message>
    <message>
      <source>Debt notes</source>
      <translation>Debt notes</translation>
    </message>
    <message>
      <source>Housing</source>
      <translation>Housing</translation>
    </message>
    <message>
      <source>Housing notes</source>
      <translation>Housing notes</translation>
    </message>
    <message>
      <source>Special groups and causes</source>
      <translation>Special groups and causes</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>Verified</translation>
    </message>
    <message>
      <source>Causes</source>
      <translation>Causes</translation>
    </message>
    <message>
      <source>Recent emergencies</source>
      <translation>Recent emergencies</translation>
    </message>
    <message>
      <source>Suggest a temporary subsidy</source>
      <translation>Suggest a temporary subsidy</translation>
    </message>
    <message>
      <source>Student and school</source>
      <translation>Student and school</translation>
    </message>
    <message>
      <source>Student's traits at home</source>
      <translation>Student's traits at home</translation>
    </message>
    <message>
      <source>Feedback on school performance *</source>
      <translation>Feedback on school performance *</translation>
    </message>
    <message>
      <source>Aid received, told to the family</source>
      <translation>Aid received, told to the family</translation>
    </message>
    <message>
      <source>Policies explained</source>
      <translation>Policies explained</translation>
    </message>
    <message>
      <source>Gift money (yuan)</source>
      <translation>Gift money (yuan)</translation>
    </message>
    <message>
      <source>Gift items</source>
      <translation>Gift items</translation>
    </message>
    <message>
      <source>Wish list</source>
      <translation>Wish list</translation>
    </message>
    <message>
      <source>Conclusions</source>
      <translation>Conclusions</translation>
    </message>
    <message>
      <source>Opinions of family and student *</source>
      <translation>Opinions of family and student *</translation>
    </message>
    <message>
      <source>Verification result</source>
      <translation>Verification result</translation>
    </message>
    <message>
      <source>Suggested level</source>
      <translation>Suggested level</translation>
    </message>
    <message>
      <source>Suggest key support</source>
      <translation>Suggest key support</translation>
    </message>
    <message>
      <source>Difficulty types</source>
      <translation>Difficulty types</translation>
    </message>
    <message>
      <source>Follow-up / visit notes</source>
      <translation>Follow-up / visit notes</translation>
    </message>
    <message>
      <source>Signatures and consent</source>
      <translation>Signatures and consent</translation>
    </message>
    <message>
      <source>Visitors signed</source>
      <translation>Visitors signed</translation>
    </message>
    <message>
      <source>Family confirmation</source>
      <translation>Family confirmation</translation>
    </message>
    <message>
      <source>Confirmed by</source>
      <translation>Confirmed by</translation>
    </message>
    <message>
      <source>Student signed</source>
      <translation>Student signed</translation>
    </message>
    <message>
      <source>Student agrees to photos</source>
      <translation>Student agrees to photos</translation>
    </message>
    <message>
      <source>Student agrees to publicity use</source>
      <translation>Student agrees to publicity use</translation>
    </message>
    <message>
      <source>Recovered draft</source>
      <translation>Recovered draft</translation>
    </message>
    <message>
      <source>Home visit: %1</source>
      <translation>Home visit: %1</translation>
    </message>
    <message>
      <source>Draft saved %1</source>
      <translation>Draft saved %1</translation>
    </message>
    <message numerus="yes">
      <source>%n field(s) need attention.</source>
      <translation>
        <numerusform>%n field need attention.</numerusform>
        <numerusform>%n fields need attention.</numerusform>
      </translation>
    </message>
    <message>
      <source>Second visit on the same day</source>
      <translation>Second visit on the same day</translation>
    </message>
    <message>
      <source>This student already has a visit recorded on %1. Save another one?</source>
      <translation>This student already has a visit recorded on %1. Save another one?</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>The visit could not be saved.</source>
      <translation>The visit could not be saved.</translation>
    </message>
    <message>
      <source>Changes to the home visit saved: %1, %2</source>
      <translation>Changes to the home visit saved: %1, %2</translation>
    </message>
    <message>
      <source>Home visit saved: %1, %2</source>
      <translation>Home visit saved: %1, %2</translation>
    </message>
    <message>
      <source>Family members changed</source>
      <translation>Family members changed</translation>
    </message>
    <message>
      <source>The family members on this visit differ from the student's profile. Write them back to the profile (basic information and family)?</source>
      <translation>The family members on this visit differ from the student's profile. Write them back to the profile (basic information and family)?</translation>
    </message>
    <message>
      <source>Save the visit</source>
      <translation>Save the visit</translation>
    </message>
    <message>
      <source>Keep the form as a draft, even with fields still to fill</source>
      <translation>Keep the form as a draft, even with fields still to fill</translation>
    </message>
    <message>
      <source>Close the form (an unsaved form is kept as a draft)</source>
      <translation>Close the form (an unsaved form is kept as a draft)</translation>
    </message>
  </context>
  <context>
    <name>VisitsSection</name>
    <message>
      <source>Home visits to do</source>
      <translation>Home visits to do</translation>
    </message>
    <message>
      <source>%1 — changes to a saved visit, kept %2</source>
      <translation>%1 — changes to a saved visit, kept %2</translation>
    </message>
    <message>
      <source>%1 — visit of %3, saved %2</source>
      <translation>%1 — visit of %3, saved %2</translation>
    </message>
    <message>
      <source>The visit could not be opened.</source>
      <translation>The visit could not be opened.</translation>
    </message>
    <message>
      <source>Unsaved visit forms</source>
      <translation>Unsaved visit forms</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Start visit for selected student</source>
      <translation>Start visit for selected student</translation>
    </message>
    <message numerus="yes">
      <source>Not yet visited this academic year: %n student(s)</source>
      <translation>
        <numerusform>Not yet visited this academic year: %n student</numerusform>
        <numerusform>Not yet visited this academic year: %n students</numerusform>
      </translation>
    </message>
    <message>
      <source> (first %1 shown)</source>
      <translation> (first %1 shown)</translation>
    </message>
    <message>
      <source>Visit before identification</source>
      <translation>Visit before identification</translation>
    </message>
    <message>
      <source>%1 — saved %2</source>
      <translation>%1 — saved %2</translation>
    </message>
    <message>
      <source>Print blank visit form…</source>
      <translation>Print blank visit form…</translation>
    </message>
    <message>
      <source>Pre-filled with the selected student's basic facts, if one is selected</source>
      <translation>Pre-filled with the selected student's basic facts, if one is selected</translation>
    </message>
    <message>
      <source>Start a visit for the student selected below (Enter on a row too)</source>
      <translation>Start a visit for the student selected below (Enter on a row too)</translation>
    </message>
    <message>
      <source> — everyone who needs a visit has had one. Students appear here once identified (or marked “visit before identification”); any student's visit starts from the roster.</source>
      <translation> — everyone who needs a visit has had one. Students appear here once identified (or marked “visit before identification”); any student's visit starts from the roster.</translation>
    </message>
  </context>
  <context>
    <name>CoverageDashboard</name>
    <message>
      <source>Students not yet covered</source>
      <translation>Students not yet covered</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>All colleges</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <source>Export to PDF…</source>
      <translation>Export to PDF…</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Coverage (%)</source>
      <translation>Coverage (%)</translation>
    </message>
    <message>
      <source>By college</source>
      <translation>By college</translation>
    </message>
    <message>
      <source>By counselor</source>
      <translation>By counselor</translation>
    </message>
    <message>
      <source>By class</source>
      <translation>By class</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>Counselor</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>New students awaiting a visit before identification: %1 · Monitoring: %2 open, %3 in progress</source>
      <translation>New students awaiting a visit before identification: %1 · Monitoring: %2 open, %3 in progress</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>Coverage</translation>
    </message>
    <message>
      <source>%1: %2 student(s) still missing</source>
      <translation>%1: %2 student(s) still missing</translation>
    </message>
    <message>
      <source> (first %1 shown)</source>
      <translation> (first %1 shown)</translation>
    </message>
    <message>
      <source>Visit before identification</source>
      <translation>Visit before identification</translation>
    </message>
    <message>
      <source>New student</source>
      <translation>New student</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Export coverage</source>
      <translation>Export coverage</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Exported to %1</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Missing: %1</translation>
    </message>
    <message>
      <source>Support centers not complete: %1</source>
      <translation>Support centers not complete: %1</translation>
    </message>
    <message>
      <source>Rule: %1</source>
      <translation>Rule: %1</translation>
    </message>
    <message>
      <source>Talks at school</source>
      <translation>Talks at school</translation>
    </message>
    <message>
      <source> · Talks at school (not home visits): %1</source>
      <translation> · Talks at school (not home visits): %1</translation>
    </message>
    <message>
      <source>No dropout</source>
      <translation>No dropout</translation>
    </message>
    <message>
      <source>On the watch list</source>
      <translation>On the watch list</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>Activities</source>
      <translation>Activities</translation>
    </message>
    <message>
      <source>Democratic evaluations</source>
      <translation>Democratic evaluations</translation>
    </message>
    <message>
      <source>Integrity education (participants)</source>
      <translation>Integrity education (participants)</translation>
    </message>
    <message>
      <source>Research projects</source>
      <translation>Research projects</translation>
    </message>
    <message>
      <source>Staff training (hours)</source>
      <translation>Staff training (hours)</translation>
    </message>
    <message>
      <source>Support activities by college</source>
      <translation>Support activities by college</translation>
    </message>
    <message>
      <source>Talks (students)</source>
      <translation>Talks (students)</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>Whole school</translation>
    </message>
    <message>
      <source>Annual report…</source>
      <translation>Annual report…</translation>
    </message>
    <message>
      <source>The annual report on developmental aid, as PDF or Excel</source>
      <translation>The annual report on developmental aid, as PDF or Excel</translation>
    </message>
    <message>
      <source>Aggregate-only mode: figures computed by the center's server at %1. Cells of 1–4 students show &lt;5, cells a total would give away show *.</source>
      <translation>Aggregate-only mode: figures computed by the center's server at %1. Cells of 1–4 students show &lt;5, cells a total would give away show *.</translation>
    </message>
    <message>
      <source>Aggregate-only mode keeps no student records on this computer, so no list of students can be shown. Viewing a student needs that student in your scope: sign in again without aggregate-only mode (Settings → Center server) and sync.</source>
      <translation>Aggregate-only mode keeps no student records on this computer, so no list of students can be shown. Viewing a student needs that student in your scope: sign in again without aggregate-only mode (Settings → Center server) and sync.</translation>
    </message>
  </context>
  <context>
    <name>DataSections</name>
    <message>
      <source>Coverage</source>
      <translation>Coverage</translation>
    </message>
    <message>
      <source>Visit planning</source>
      <translation>Visit planning</translation>
    </message>
    <message>
      <source>Key support</source>
      <translation>Key support</translation>
    </message>
    <message>
      <source>Wish lists</source>
      <translation>Wish lists</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>Monitoring</translation>
    </message>
    <message>
      <source>Import and export</source>
      <translation>Import and export</translation>
    </message>
    <message>
      <source>No dropout</source>
      <translation>No dropout</translation>
    </message>
    <message>
      <source>Academic gap</source>
      <translation>Academic gap</translation>
    </message>
    <message>
      <source>Support activities</source>
      <translation>Support activities</translation>
    </message>
    <message>
      <source>Workload</source>
      <translation>Workload</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>Notices</translation>
    </message>
  </context>
  <context>
    <name>ExportPanel</name>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>All years (coverage: current year)</source>
      <translation>All years (coverage: current year)</translation>
    </message>
    <message>
      <source>Include ID numbers, phones, addresses and amounts</source>
      <translation>Include ID numbers, phones, addresses and amounts</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Export…</translation>
    </message>
    <message>
      <source>Contents</source>
      <translation>Contents</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>JSON files (*.json)</translation>
    </message>
    <message>
      <source>Choose what to export.</source>
      <translation>Choose what to export.</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Exported to %1</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>File to import</source>
      <translation>File to import</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Read the file</source>
      <translation>Read the file</translation>
    </message>
    <message>
      <source>A student roster or identification results, as .xlsx or .csv (first sheet).</source>
      <translation>A student roster or identification results, as .xlsx or .csv (first sheet).</translation>
    </message>
    <message>
      <source>Column in the file</source>
      <translation>Column in the file</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Save this mapping as (optional)</source>
      <translation>Save this mapping as (optional)</translation>
    </message>
    <message>
      <source>Check every row</source>
      <translation>Check every row</translation>
    </message>
    <message>
      <source>Back to the mapping</source>
      <translation>Back to the mapping</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Import another file</source>
      <translation>Import another file</translation>
    </message>
    <message>
      <source>Choose a file</source>
      <translation>Choose a file</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.csv)</source>
      <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
      <source>Header row: %1 · sheet: %2</source>
      <translation>Header row: %1 · sheet: %2</translation>
    </message>
    <message>
      <source>saved mapping “%1” used</source>
      <translation>saved mapping “%1” used</translation>
    </message>
    <message>
      <source>(ignore)</source>
      <translation>(ignore)</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>Row</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Imported: %1 new, %2 updated.</source>
      <translation>Imported: %1 new, %2 updated.</translation>
    </message>
  </context>
  <context>
    <name>KeySupportPage</name>
    <message>
      <source>Include exited</source>
      <translation>Include exited</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Difficulties</source>
      <translation>Difficulties</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Since</translation>
    </message>
    <message>
      <source>Mentor</source>
      <translation>Mentor</translation>
    </message>
    <message>
      <source>Last support</source>
      <translation>Last support</translation>
    </message>
    <message>
      <source>Sessions this year</source>
      <translation>Sessions this year</translation>
    </message>
    <message>
      <source>Start key support</source>
      <translation>Start key support</translation>
    </message>
    <message>
      <source>Start (after a collective review)</source>
      <translation>Start (after a collective review)</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>Review date</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Assign mentor</source>
      <translation>Assign mentor</translation>
    </message>
    <message>
      <source>Add to the support log</source>
      <translation>Add to the support log</translation>
    </message>
    <message>
      <source>Exit by review</source>
      <translation>Exit by review</translation>
    </message>
    <message>
      <source>Selected student</source>
      <translation>Selected student</translation>
    </message>
    <message>
      <source>Mentor (best match first)</source>
      <translation>Mentor (best match first)</translation>
    </message>
    <message>
      <source>From</source>
      <translation>From</translation>
    </message>
    <message>
      <source>Goals</source>
      <translation>Goals</translation>
    </message>
    <message>
      <source>Plan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Support date</source>
      <translation>Support date</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>Summary</translation>
    </message>
    <message>
      <source>Exit date</source>
      <translation>Exit date</translation>
    </message>
    <message>
      <source>e.g. 王老师（辅导员）、钱老师（育人导师）</source>
      <translation>e.g. 王老师（辅导员）、钱老师（育人导师）</translation>
    </message>
    <message>
      <source>Student numbers, separated by commas</source>
      <translation>Student numbers, separated by commas</translation>
    </message>
    <message>
      <source>Record the session</source>
      <translation>Record the session</translation>
    </message>
    <message>
      <source>Rescue education / case conference</source>
      <translation>Rescue education / case conference</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Topic</source>
      <translation>Topic</translation>
    </message>
    <message>
      <source>Students discussed</source>
      <translation>Students discussed</translation>
    </message>
    <message>
      <source>Conclusions</source>
      <translation>Conclusions</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>Measures</translation>
    </message>
    <message>
      <source>First term (Sep–Feb)</source>
      <translation>First term (Sep–Feb)</translation>
    </message>
    <message>
      <source>Second term (Mar–Aug)</source>
      <translation>Second term (Mar–Aug)</translation>
    </message>
    <message>
      <source>Staff no.</source>
      <translation>Staff no.</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>Department</translation>
    </message>
    <message>
      <source>Students</source>
      <translation>Students</translation>
    </message>
    <message>
      <source>Support sessions</source>
      <translation>Support sessions</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Hours</translation>
    </message>
    <message>
      <source>Case conferences</source>
      <translation>Case conferences</translation>
    </message>
    <message>
      <source>Mentor workload</source>
      <translation>Mentor workload</translation>
    </message>
    <message>
      <source>%1 (%2; %3 student(s) now)</source>
      <translation>%1 (%2; %3 student(s) now)</translation>
    </message>
    <message>
      <source>Enter the student no.</source>
      <translation>Enter the student no.</translation>
    </message>
    <message>
      <source>Key support started.</source>
      <translation>Key support started.</translation>
    </message>
    <message>
      <source>Choose a student and a mentor.</source>
      <translation>Choose a student and a mentor.</translation>
    </message>
    <message>
      <source>Mentor assigned.</source>
      <translation>Mentor assigned.</translation>
    </message>
    <message>
      <source>Support logged.</source>
      <translation>Support logged.</translation>
    </message>
    <message>
      <source>Key support ended.</source>
      <translation>Key support ended.</translation>
    </message>
    <message>
      <source>Enter the participants and the students discussed.</source>
      <translation>Enter the participants and the students discussed.</translation>
    </message>
    <message>
      <source>Session recorded.</source>
      <translation>Session recorded.</translation>
    </message>
    <message>
      <source>Assign a mentor first</source>
      <translation>Assign a mentor first</translation>
    </message>
    <message>
      <source>Select a student in the list to assign a mentor, log support or record the exit review.</source>
      <translation>Select a student in the list to assign a mentor, log support or record the exit review.</translation>
    </message>
    <message>
      <source>This student has left key support; nothing more is recorded here.</source>
      <translation>This student has left key support; nothing more is recorded here.</translation>
    </message>
    <message>
      <source>No student is in key support this academic year. Start key support above (a collective review); the student then appears in the list.</source>
      <translation>No student is in key support this academic year. Start key support above (a collective review); the student then appears in the list.</translation>
    </message>
    <message>
      <source>no matching expertise</source>
      <translation>no matching expertise</translation>
    </message>
    <message>
      <source>Reason (support center)</source>
      <translation>Reason (support center)</translation>
    </message>
    <message>
      <source>Only when the mentor's expertise matches none of the student's needs</source>
      <translation>Only when the mentor's expertise matches none of the student's needs</translation>
    </message>
    <message>
      <source>The key-support list is for the support centers and mentors. Open a student's profile to see that student's key support.</source>
      <translation>The key-support list is for the support centers and mentors. Open a student's profile to see that student's key support.</translation>
    </message>
  </context>
  <context>
    <name>MonitoringPage</name>
    <message>
      <source>Monitoring flags</source>
      <translation>Monitoring flags</translation>
    </message>
    <message>
      <source>All</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Raised on</source>
      <translation>Raised on</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Actions taken</source>
      <translation>Actions taken</translation>
    </message>
    <message>
      <source>Raise</source>
      <translation>Raise</translation>
    </message>
    <message>
      <source>Raise a monitoring flag</source>
      <translation>Raise a monitoring flag</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>Situation</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Start handling</source>
      <translation>Start handling</translation>
    </message>
    <message>
      <source>Mark resolved</source>
      <translation>Mark resolved</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>Reopen</translation>
    </message>
    <message>
      <source>Handle the selected flag</source>
      <translation>Handle the selected flag</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Resolved on</source>
      <translation>Resolved on</translation>
    </message>
    <message>
      <source>Raise flags for these visits</source>
      <translation>Raise flags for these visits</translation>
    </message>
    <message>
      <source>From home visits</source>
      <translation>From home visits</translation>
    </message>
    <message>
      <source>%1 home visit(s) this academic year record a recent shock or suggest a temporary subsidy, with no flag yet.</source>
      <translation>%1 home visit(s) this academic year record a recent shock or suggest a temporary subsidy, with no flag yet.</translation>
    </message>
    <message>
      <source>%1 flag(s) raised.</source>
      <translation>%1 flag(s) raised.</translation>
    </message>
    <message>
      <source>Enter the student no. and the situation.</source>
      <translation>Enter the student no. and the situation.</translation>
    </message>
    <message>
      <source>Flag raised.</source>
      <translation>Flag raised.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
  </context>
  <context>
    <name>VisitPlanningPage</name>
    <message>
      <source>Trip plan</source>
      <translation>Trip plan</translation>
    </message>
    <message>
      <source>Students awaiting a visit</source>
      <translation>Students awaiting a visit</translation>
    </message>
    <message>
      <source>Plan checked students on this date</source>
      <translation>Plan checked students on this date</translation>
    </message>
    <message>
      <source>Remove checked students from the plan</source>
      <translation>Remove checked students from the plan</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Visit date</source>
      <translation>Visit date</translation>
    </message>
    <message>
      <source>Region / student</source>
      <translation>Region / student</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>Planned</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>Region</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Print blank forms for the students not yet visited…</source>
      <translation>Print blank forms for the students not yet visited…</translation>
    </message>
    <message>
      <source>Not yet visited: %1 student(s) in %2 county/counties</source>
      <translation>Not yet visited: %1 student(s) in %2 county/counties</translation>
    </message>
    <message>
      <source>%1 planned</source>
      <translation>%1 planned</translation>
    </message>
    <message>
      <source>Visit before identification</source>
      <translation>Visit before identification</translation>
    </message>
    <message>
      <source>Plan: %1 student(s), %2 visited</source>
      <translation>Plan: %1 student(s), %2 visited</translation>
    </message>
    <message>
      <source>Visited %1</source>
      <translation>Visited %1</translation>
    </message>
    <message>
      <source>Not yet</source>
      <translation>Not yet</translation>
    </message>
    <message>
      <source>Check the students to plan first.</source>
      <translation>Check the students to plan first.</translation>
    </message>
    <message>
      <source>Every planned student has been visited.</source>
      <translation>Every planned student has been visited.</translation>
    </message>
    <message>
      <source>Save blank forms</source>
      <translation>Save blank forms</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Blank forms saved to %1</source>
      <translation>Blank forms saved to %1</translation>
    </message>
    <message>
      <source>Nothing planned yet. Check students on the left, choose a visit date above and press “Plan checked students on this date”.</source>
      <translation>Nothing planned yet. Check students on the left, choose a visit date above and press “Plan checked students on this date”.</translation>
    </message>
    <message>
      <source>Every student who needs a home visit this academic year has one. Students appear here once they are identified (or marked “visit before identification”) and not yet visited.</source>
      <translation>Every student who needs a home visit this academic year has one. Students appear here once they are identified (or marked “visit before identification”) and not yet visited.</translation>
    </message>
  </context>
  <context>
    <name>WishListPage</name>
    <message>
      <source>All</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Providing department</source>
      <translation>Providing department</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation>Service items</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priority</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Apply</translation>
    </message>
    <message>
      <source>Move the selected wish list</source>
      <translation>Move the selected wish list</translation>
    </message>
    <message>
      <source>New status</source>
      <translation>New status</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>Completed on</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>Feedback</translation>
    </message>
    <message>
      <source>Filled in on the latest home visit (paper form)</source>
      <translation>Filled in on the latest home visit (paper form)</translation>
    </message>
    <message>
      <source>Add wish list</source>
      <translation>Add wish list</translation>
    </message>
    <message>
      <source>New wish list</source>
      <translation>New wish list</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>Filled in by</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Service item</source>
      <translation>Service item</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>The catalogue is kept by the school support center.</source>
      <translation>The catalogue is kept by the school support center.</translation>
    </message>
    <message>
      <source>Add service item</source>
      <translation>Add service item</translation>
    </message>
    <message>
      <source>Switch the selected item on or off</source>
      <translation>Switch the selected item on or off</translation>
    </message>
    <message>
      <source>New service item</source>
      <translation>New service item</translation>
    </message>
    <message>
      <source>Lists by department</source>
      <translation>Lists by department</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Enter the student no. and choose at least one service item.</source>
      <translation>Enter the student no. and choose at least one service item.</translation>
    </message>
    <message>
      <source>Wish list added.</source>
      <translation>Wish list added.</translation>
    </message>
    <message>
      <source>Enter the service item.</source>
      <translation>Enter the service item.</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>All departments</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Please correct the marked fields.</source>
      <translation>Please correct the marked fields.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>Not saved.</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Saved: %1</translation>
    </message>
  </context>
  <context>
    <name>AidDialog</name>
    <message>
      <source>New aid record</source>
      <translation>New aid record</translation>
    </message>
    <message>
      <source>Edit aid record</source>
      <translation>Edit aid record</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Project</translation>
    </message>
    <message>
      <source>Amount in yuan, or a position below</source>
      <translation>Amount in yuan, or a position below</translation>
    </message>
    <message>
      <source>Amount (yuan)</source>
      <translation>Amount (yuan)</translation>
    </message>
    <message>
      <source>Position (work-study)</source>
      <translation>Position (work-study)</translation>
    </message>
    <message>
      <source>Funding source</source>
      <translation>Funding source</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
  </context>
  <context>
    <name>RewardDialog</name>
    <message>
      <source>New growth reward</source>
      <translation>New growth reward</translation>
    </message>
    <message>
      <source>Edit growth reward</source>
      <translation>Edit growth reward</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Direct or indirect</source>
      <translation>Direct or indirect</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Yuan, if any</source>
      <translation>Yuan, if any</translation>
    </message>
    <message>
      <source>Value (yuan)</source>
      <translation>Value (yuan)</translation>
    </message>
    <message>
      <source>Granted by</source>
      <translation>Granted by</translation>
    </message>
  </context>
  <context>
    <name>IdentificationDialog</name>
    <message>
      <source>Identification history</source>
      <translation>Identification history</translation>
    </message>
    <message>
      <source>New identification</source>
      <translation>New identification</translation>
    </message>
    <message>
      <source>Edit identification</source>
      <translation>Edit identification</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Level</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Date identified</source>
      <translation>Date identified</translation>
    </message>
    <message>
      <source>Special groups</source>
      <translation>Special groups</translation>
    </message>
    <message>
      <source>Causes</source>
      <translation>Causes</translation>
    </message>
    <message>
      <source>Household income per person (yuan/year)</source>
      <translation>Household income per person (yuan/year)</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>Basis</translation>
    </message>
    <message>
      <source>Identified without application</source>
      <translation>Identified without application</translation>
    </message>
    <message>
      <source>Visit first, then set the level (new student)</source>
      <translation>Visit first, then set the level (new student)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Status recorded</source>
      <translation>Status recorded</translation>
    </message>
    <message>
      <source>When the status or level changes</source>
      <translation>When the status or level changes</translation>
    </message>
    <message>
      <source>e.g. first semester</source>
      <translation>e.g. first semester</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Semester</source>
      <translation>Semester</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Changing the status or the level adds a line to the history.</source>
      <translation>Changing the status or the level adds a line to the history.</translation>
    </message>
    <message>
      <source>No change recorded yet.</source>
      <translation>No change recorded yet.</translation>
    </message>
    <message>
      <source>History</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Not saved: the key support continues.</source>
      <translation>Not saved: the key support continues.</translation>
    </message>
    <message>
      <source>With this level the student is no longer identified as needing support this year, so the student's key support ends (the reason above is recorded). Continue?</source>
      <translation>With this level the student is no longer identified as needing support this year, so the student's key support ends (the reason above is recorded). Continue?</translation>
    </message>
    <message>
      <source>End key support</source>
      <translation>End key support</translation>
    </message>
    <message>
      <source>Exception to visit first</source>
      <translation>Exception to visit first</translation>
    </message>
    <message>
      <source>A new student's level needs a pre-identification visit with its conclusion first. Only a support center may record an exception here.</source>
      <translation>A new student's level needs a pre-identification visit with its conclusion first. Only a support center may record an exception here.</translation>
    </message>
    <message>
      <source>Aid decision</source>
      <translation>Aid decision</translation>
    </message>
  </context>
  <context>
    <name>RecordTabActions</name>
    <message>
      <source>Edit…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Add identification…</source>
      <translation>Add identification…</translation>
    </message>
    <message>
      <source>Add aid…</source>
      <translation>Add aid…</translation>
    </message>
    <message>
      <source>Add growth reward…</source>
      <translation>Add growth reward…</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>Delete this identification, with its history?</source>
      <translation>Delete this identification, with its history?</translation>
    </message>
    <message>
      <source>Delete this aid record?</source>
      <translation>Delete this aid record?</translation>
    </message>
    <message>
      <source>Delete this growth reward?</source>
      <translation>Delete this growth reward?</translation>
    </message>
    <message>
      <source>Delete this record?</source>
      <translation>Delete this record?</translation>
    </message>
    <message>
      <source>Not deleted.</source>
      <translation>Not deleted.</translation>
    </message>
    <message>
      <source>Raise flag…</source>
      <translation>Raise flag…</translation>
    </message>
    <message>
      <source>Add wish…</source>
      <translation>Add wish…</translation>
    </message>
    <message>
      <source>Add talk…</source>
      <translation>Add talk…</translation>
    </message>
    <message>
      <source>Delete this talk?</source>
      <translation>Delete this talk?</translation>
    </message>
  </context>
  <context>
    <name>ConflictListModel</name>
    <message>
      <source>Student</source>
      <translation>Student</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Kept by the center</source>
      <translation>Kept by the center</translation>
    </message>
    <message>
      <source>Also entered</source>
      <translation>Also entered</translation>
    </message>
    <message>
      <source>(school-wide)</source>
      <translation>(school-wide)</translation>
    </message>
    <message>
      <source>(deleted)</source>
      <translation>(deleted)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(empty)</translation>
    </message>
  </context>
  <context>
    <name>ConflictReviewDialog</name>
    <message>
      <source>Sync conflicts</source>
      <translation>Sync conflicts</translation>
    </message>
    <message>
      <source>Review sync conflicts</source>
      <translation>Review sync conflicts</translation>
    </message>
    <message>
      <source>Kept by the center (arrived first)</source>
      <translation>Kept by the center (arrived first)</translation>
    </message>
    <message>
      <source>Also entered</source>
      <translation>Also entered</translation>
    </message>
    <message>
      <source>Or type the right value</source>
      <translation>Or type the right value</translation>
    </message>
    <message>
      <source>Save this value</source>
      <translation>Save this value</translation>
    </message>
    <message>
      <source>No conflicts are waiting for review.</source>
      <translation>No conflicts are waiting for review.</translation>
    </message>
    <message>
      <source>School-wide record</source>
      <translation>School-wide record</translation>
    </message>
    <message>
      <source>The record is not on this computer (it was deleted), so this conflict cannot be resolved here.</source>
      <translation>The record is not on this computer (it was deleted), so this conflict cannot be resolved here.</translation>
    </message>
    <message>
      <source>One side deleted the record while the other changed it. The record is kept until you decide.</source>
      <translation>One side deleted the record while the other changed it. The record is kept until you decide.</translation>
    </message>
    <message>
      <source>The same field was changed on two computers. Choose the right value or type it.</source>
      <translation>The same field was changed on two computers. Choose the right value or type it.</translation>
    </message>
    <message>
      <source>Keep the record as it is</source>
      <translation>Keep the record as it is</translation>
    </message>
    <message>
      <source>One side deleted the record while the other changed it. The center kept the deletion: restore the record with the changed values, or accept the deletion.</source>
      <translation>One side deleted the record while the other changed it. The center kept the deletion: restore the record with the changed values, or accept the deletion.</translation>
    </message>
    <message>
      <source>Accept the deletion</source>
      <translation>Accept the deletion</translation>
    </message>
    <message>
      <source>Restore with these values</source>
      <translation>Restore with these values</translation>
    </message>
    <message>
      <source>Delete the record</source>
      <translation>Delete the record</translation>
    </message>
    <message>
      <source>Use this value</source>
      <translation>Use this value</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Saved. The decision goes to the center with the next sync.</source>
      <translation>Saved. The decision goes to the center with the next sync.</translation>
    </message>
    <message>
      <source>That did not work (%1).</source>
      <translation>That did not work (%1).</translation>
    </message>
  </context>
  <context>
    <name>ServerAccountPanel</name>
    <message>
      <source>Only if your college uses its own certificate authority</source>
      <translation>Only if your college uses its own certificate authority</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>CA certificate</source>
      <translation>CA certificate</translation>
    </message>
    <message>
      <source>Trusted: %1 (choose another file to replace it)</source>
      <translation>Trusted: %1 (choose another file to replace it)</translation>
    </message>
    <message>
      <source>College CA certificate</source>
      <translation>College CA certificate</translation>
    </message>
    <message>
      <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
      <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
      <source>Center server</source>
      <translation>Center server</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>Server address</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Log in and register this computer</source>
      <translation>Log in and register this computer</translation>
    </message>
    <message>
      <source>Sign out on this computer</source>
      <translation>Sign out on this computer</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Account</translation>
    </message>
    <message>
      <source>Export sync log…</source>
      <translation>Export sync log…</translation>
    </message>
    <message>
      <source>Sync log</source>
      <translation>Sync log</translation>
    </message>
    <message>
      <source>Logged in to %1 as %2</source>
      <translation>Logged in to %1 as %2</translation>
    </message>
    <message>
      <source>Not logged in</source>
      <translation>Not logged in</translation>
    </message>
    <message>
      <source>Please enter the server address, starting with https://</source>
      <translation>Please enter the server address, starting with https://</translation>
    </message>
    <message>
      <source>Please enter the user name and the password.</source>
      <translation>Please enter the user name and the password.</translation>
    </message>
    <message>
      <source>Logging in…</source>
      <translation>Logging in…</translation>
    </message>
    <message>
      <source>Logged in as %1 (%2). This computer is registered; you can sync now.</source>
      <translation>Logged in as %1 (%2). This computer is registered; you can sync now.</translation>
    </message>
    <message>
      <source>Login failed: %1</source>
      <translation>Login failed: %1</translation>
    </message>
    <message>
      <source>Export sync log</source>
      <translation>Export sync log</translation>
    </message>
    <message>
      <source>Text files (*.txt)</source>
      <translation>Text files (*.txt)</translation>
    </message>
    <message>
      <source>Sync log saved (%1 lines): %2</source>
      <translation>Sync log saved (%1 lines): %2</translation>
    </message>
    <message>
      <source>The sync log could not be saved (%1).</source>
      <translation>The sync log could not be saved (%1).</translation>
    </message>
    <message>
      <source>Pin the server's certificate (refuse any other certificate later)</source>
      <translation>Pin the server's certificate (refuse any other certificate later)</translation>
    </message>
    <message>
      <source>Server certificate</source>
      <translation>Server certificate</translation>
    </message>
    <message>
      <source>None (not an https connection)</source>
      <translation>None (not an https connection)</translation>
    </message>
    <message>
      <source>SHA-256 %1 (pinned)</source>
      <translation>SHA-256 %1 (pinned)</translation>
    </message>
    <message>
      <source>SHA-256 %1 (not pinned)</source>
      <translation>SHA-256 %1 (not pinned)</translation>
    </message>
    <message>
      <source>Refused: over http:// the user name, the password and the student records would cross the network in clear text, readable by anyone on the campus network. Use the center's https:// address.</source>
      <translation>Refused: over http:// the user name, the password and the student records would cross the network in clear text, readable by anyone on the campus network. Use the center's https:// address.</translation>
    </message>
    <message>
      <source>Compare the certificate's SHA-256 fingerprint with the one the center published: %1</source>
      <translation>Compare the certificate's SHA-256 fingerprint with the one the center published: %1</translation>
    </message>
    <message>
      <source>Forget the pinned certificate</source>
      <translation>Forget the pinned certificate</translation>
    </message>
    <message>
      <source>Only after the center renewed its certificate and you checked the new fingerprint</source>
      <translation>Only after the center renewed its certificate and you checked the new fingerprint</translation>
    </message>
    <message>
      <source>Aggregate-only mode (school center: no student records on this computer)</source>
      <translation>Aggregate-only mode (school center: no student records on this computer)</translation>
    </message>
  </context>
  <context>
    <name>SideBox</name>
    <message>
      <source>(deleted)</source>
      <translation>(deleted)</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>another user</source>
      <translation>another user</translation>
    </message>
    <message>
      <source>Entered by %1, reached the center %2</source>
      <translation>Entered by %1, reached the center %2</translation>
    </message>
  </context>
  <context>
    <name>SyncNotices</name>
    <message numerus="yes">
      <source>%n change(s) use fields the center's server does not support yet; they are kept on this computer and sent once the administrator upgrades the server.</source>
      <translation>
        <numerusform>%n change uses fields the center's server does not support yet; it is kept on this computer and sent once the administrator upgrades the server.</numerusform>
        <numerusform>%n changes use fields the center's server does not support yet; they are kept on this computer and sent once the administrator upgrades the server.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n record(s) from the center could not be read by this version of the app and were kept in the quarantine; please upgrade the app.</source>
      <translation>
        <numerusform>%n record from the center could not be read by this version of the app and was kept in the quarantine; please upgrade the app.</numerusform>
        <numerusform>%n records from the center could not be read by this version of the app and were kept in the quarantine; please upgrade the app.</numerusform>
      </translation>
    </message>
    <message>
      <source>Export quarantine…</source>
      <translation>Export quarantine…</translation>
    </message>
    <message>
      <source>Open settings</source>
      <translation>Open settings</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Dismiss</translation>
    </message>
    <message numerus="yes">
      <source> and %n more</source>
      <translation>
        <numerusform> and %n more</numerusform>
        <numerusform> and %n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n student(s) were reassigned to another counselor and removed from this computer: %1. Changes to them made here before the reassignment were sent to the center.</source>
      <translation>
        <numerusform>%n student was reassigned to another counselor and removed from this computer: %1. Changes to them made here before the reassignment were sent to the center.</numerusform>
        <numerusform>%n students were reassigned to another counselor and removed from this computer: %1. Changes to them made here before the reassignment were sent to the center.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) could not be delivered and were kept in the quarantine; export them to pass them on.</source>
      <translation>
        <numerusform>%n change could not be delivered and was kept in the quarantine; export it to pass it on.</numerusform>
        <numerusform>%n changes could not be delivered and were kept in the quarantine; export them to pass them on.</numerusform>
      </translation>
    </message>
    <message>
      <source>The administrator revoked this computer's access to the center (%1). Your data here is kept. Log in again in Settings to sync.</source>
      <translation>The administrator revoked this computer's access to the center (%1). Your data here is kept. Log in again in Settings to sync.</translation>
    </message>
    <message>
      <source>The administrator ordered the data on this computer deleted (%1). The student data and unsent changes have been removed from this computer.</source>
      <translation>The administrator ordered the data on this computer deleted (%1). The student data and unsent changes have been removed from this computer.</translation>
    </message>
    <message>
      <source>Export quarantine</source>
      <translation>Export quarantine</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>JSON files (*.json)</translation>
    </message>
    <message numerus="yes">
      <source>%n quarantined change(s) saved to %1</source>
      <translation>
        <numerusform>%n quarantined change saved to %1</numerusform>
        <numerusform>%n quarantined changes saved to %1</numerusform>
      </translation>
    </message>
    <message>
      <source>The quarantine could not be exported (%1).</source>
      <translation>The quarantine could not be exported (%1).</translation>
    </message>
  </context>
  <context>
    <name>SyncParts</name>
    <message>
      <source>Sync now</source>
      <translation>Sync now</translation>
    </message>
  </context>
  <context>
    <name>SyncStatusItem</name>
    <message>
      <source>Receiving students new to this computer… %1 of %2</source>
      <translation>Receiving students new to this computer… %1 of %2</translation>
    </message>
    <message>
      <source>Removing reassigned students… %1</source>
      <translation>Removing reassigned students… %1</translation>
    </message>
    <message>
      <source>Sending photos…</source>
      <translation>Sending photos…</translation>
    </message>
    <message>
      <source>Receiving photos… %1 of %2</source>
      <translation>Receiving photos… %1 of %2</translation>
    </message>
    <message>
      <source>Sync</source>
      <translation>Sync</translation>
    </message>
    <message>
      <source>Sync with the center (Ctrl+Shift+S or F5)</source>
      <translation>Sync with the center (Ctrl+Shift+S or F5)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Not connected to the center</source>
      <translation>Not connected to the center</translation>
    </message>
    <message numerus="yes">
      <source>%n change(s) waiting</source>
      <translation>
        <numerusform>%n change waiting</numerusform>
        <numerusform>%n changes waiting</numerusform>
      </translation>
    </message>
    <message>
      <source>never</source>
      <translation>never</translation>
    </message>
    <message>
      <source>last sync %1</source>
      <translation>last sync %1</translation>
    </message>
    <message numerus="yes">
      <source>%n conflict(s) to review</source>
      <translation>
        <numerusform>%n conflict to review</numerusform>
        <numerusform>%n conflicts to review</numerusform>
      </translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>Syncing…</translation>
    </message>
    <message>
      <source>Sending changes… %1 of %2</source>
      <translation>Sending changes… %1 of %2</translation>
    </message>
    <message>
      <source>Receiving… %1 records</source>
      <translation>Receiving… %1 records</translation>
    </message>
    <message>
      <source>Synced</source>
      <translation>Synced</translation>
    </message>
    <message>
      <source>Sync cancelled</source>
      <translation>Sync cancelled</translation>
    </message>
    <message>
      <source>Sync failed: %1</source>
      <translation>Sync failed: %1</translation>
    </message>
  </context>
  <context>
    <name>WishItemsPicker</name>
    <message>
      <source>Service item</source>
      <translation>Service item</translation>
    </message>
    <message>
      <source>Provided by</source>
      <translation>Provided by</translation>
    </message>
    <message>
      <source>%1 (retired)</source>
      <translation>%1 (retired)</translation>
    </message>
  </context>
  <context>
    <name>VisitPhotos</name>
    <message>
      <source>Add photos…</source>
      <translation>Add photos…</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>Remove photo</translation>
    </message>
    <message>
      <source>Add photos</source>
      <translation>Add photos</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</source>
      <translation>Images (*.jpg *.jpeg *.png *.gif *.bmp *.webp)</translation>
    </message>
    <message>
      <source>This photo is already attached.</source>
      <translation>This photo is already attached.</translation>
    </message>
    <message>
      <source>The photo could not be added.</source>
      <translation>The photo could not be added.</translation>
    </message>
  </context>
  <context>
    <name>VisitWishPanel</name>
    <message>
      <source>Wish list filled in on this visit</source>
      <translation>Wish list filled in on this visit</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation>Service items</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>Filled in by</translation>
    </message>
    <message>
      <source>How</source>
      <translation>How</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priority</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Choose at least one service item from the wish list.</source>
      <translation>Choose at least one service item from the wish list.</translation>
    </message>
  </context>
  <context>
    <name>ShockFlagOffer</name>
    <message>
      <source>Raise monitoring flag</source>
      <translation>Raise monitoring flag</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>Not now</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>Situation</translation>
    </message>
    <message>
      <source>Suggested action</source>
      <translation>Suggested action</translation>
    </message>
    <message>
      <source>The visit to %1 records a recent emergency in the family. Raise a monitoring flag (sudden family change) so that a temporary hardship subsidy can be considered?</source>
      <translation>The visit to %1 records a recent emergency in the family. Raise a monitoring flag (sudden family change) so that a temporary hardship subsidy can be considered?</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Monitoring flag raised; the center will see it under monitoring feedback.</source>
      <translation>Monitoring flag raised; the center will see it under monitoring feedback.</translation>
    </message>
    <message>
      <source>A monitoring flag for this visit was raised already.</source>
      <translation>A monitoring flag for this visit was raised already.</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>Not saved.</translation>
    </message>
    <message>
      <source>The visit to %1 suggests a temporary hardship subsidy. Raise a monitoring flag (sudden family change) so that it can be considered?</source>
      <translation>The visit to %1 suggests a temporary hardship subsidy. Raise a monitoring flag (sudden family change) so that it can be considered?</translation>
    </message>
  </context>
  <context>
    <name>WorkflowDialog</name>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Move to %1</source>
      <translation>Move to %1</translation>
    </message>
    <message>
      <source>Next steps</source>
      <translation>Next steps</translation>
    </message>
    <message>
      <source>None (finished)</source>
      <translation>None (finished)</translation>
    </message>
  </context>
  <context>
    <name>FlagDialog</name>
    <message>
      <source>Raise a monitoring flag</source>
      <translation>Raise a monitoring flag</translation>
    </message>
    <message>
      <source>Monitoring flag</source>
      <translation>Monitoring flag</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Date raised</source>
      <translation>Date raised</translation>
    </message>
    <message>
      <source>Situation</source>
      <translation>Situation</translation>
    </message>
    <message>
      <source>Actions taken</source>
      <translation>Actions taken</translation>
    </message>
    <message>
      <source>Notes on handling</source>
      <translation>Notes on handling</translation>
    </message>
    <message>
      <source>Resolved on</source>
      <translation>Resolved on</translation>
    </message>
  </context>
  <context>
    <name>WishDialog</name>
    <message>
      <source>New wish</source>
      <translation>New wish</translation>
    </message>
    <message>
      <source>Wish</source>
      <translation>Wish</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Service items</source>
      <translation>Service items</translation>
    </message>
    <message>
      <source>Filled in by</source>
      <translation>Filled in by</translation>
    </message>
    <message>
      <source>How</source>
      <translation>How</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>Priority</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>Responsible person</translation>
    </message>
    <message>
      <source>Completed on</source>
      <translation>Completed on</translation>
    </message>
    <message>
      <source>Feedback</source>
      <translation>Feedback</translation>
    </message>
  </context>
  <context>
    <name>PassphraseHint</name>
    <message>
      <source>Not accepted: %1</source>
      <translation>Not accepted: %1</translation>
    </message>
    <message>
      <source>Accepted. A few more words would make it stronger.</source>
      <translation>Accepted. A few more words would make it stronger.</translation>
    </message>
    <message>
      <source>Strong.</source>
      <translation>Strong.</translation>
    </message>
  </context>
  <context>
    <name>CenterPanel</name>
    <message>
      <source>Expertise saved.</source>
      <translation>Expertise saved.</translation>
    </message>
    <message>
      <source>Complete: counted in the coverage.</source>
      <translation>Complete: counted in the coverage.</translation>
    </message>
    <message>
      <source>Not counted yet in the coverage; missing: %1</source>
      <translation>Not counted yet in the coverage; missing: %1</translation>
    </message>
    <message>
      <source>Expertise</source>
      <translation>Expertise</translation>
    </message>
    <message>
      <source>Mentor</source>
      <translation>Mentor</translation>
    </message>
    <message>
      <source>Save expertise</source>
      <translation>Save expertise</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>Members</translation>
    </message>
    <message>
      <source>Deputies</source>
      <translation>Deputies</translation>
    </message>
    <message>
      <source>Director</source>
      <translation>Director</translation>
    </message>
    <message>
      <source>Site</source>
      <translation>Site</translation>
    </message>
    <message>
      <source>Center</source>
      <translation>Center</translation>
    </message>
    <message>
      <source>Save center</source>
      <translation>Save center</translation>
    </message>
    <message>
      <source>Names, separated by commas</source>
      <translation>Names, separated by commas</translation>
    </message>
    <message>
      <source>Building and room</source>
      <translation>Building and room</translation>
    </message>
    <message>
      <source>Student Development Support Center</source>
      <translation>Student Development Support Center</translation>
    </message>
  </context>
  <context>
    <name>CaseReviewDialog</name>
    <message>
      <source>Case review</source>
      <translation>Case review</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Names, separated by 、</source>
      <translation>Names, separated by 、</translation>
    </message>
    <message>
      <source>Record a case review</source>
      <translation>Record a case review</translation>
    </message>
    <message>
      <source>Reviewed for</source>
      <translation>Reviewed for</translation>
    </message>
    <message>
      <source>Reviewed on</source>
      <translation>Reviewed on</translation>
    </message>
    <message>
      <source>Reviewers</source>
      <translation>Reviewers</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>What was offered</translation>
    </message>
  </context>
  <context>
    <name>EnrolmentDialog</name>
    <message>
      <source>Case review (required for a disadvantaged student's withdrawal)</source>
      <translation>Case review (required for a disadvantaged student's withdrawal)</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Edit enrolment status</source>
      <translation>Edit enrolment status</translation>
    </message>
    <message>
      <source>Effective from</source>
      <translation>Effective from</translation>
    </message>
    <message>
      <source>Enrolment status</source>
      <translation>Enrolment status</translation>
    </message>
    <message>
      <source>Names, separated by 、</source>
      <translation>Names, separated by 、</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Pending application</source>
      <translation>Pending application</translation>
    </message>
    <message>
      <source>Record enrolment status</source>
      <translation>Record enrolment status</translation>
    </message>
    <message>
      <source>Reviewed on</source>
      <translation>Reviewed on</translation>
    </message>
    <message>
      <source>Reviewers</source>
      <translation>Reviewers</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Saving…</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>What was offered</translation>
    </message>
    <message>
      <source>Who reviewed, when, and what was offered (aid, a mentor, leave instead of withdrawal…).</source>
      <translation>Who reviewed, when, and what was offered (aid, a mentor, leave instead of withdrawal…).</translation>
    </message>
    <message>
      <source>Enter the day of the review</source>
      <translation>Enter the day of the review</translation>
    </message>
  </context>
  <context>
    <name>EnrolmentTab</name>
    <message>
      <source>Case reviews</source>
      <translation>Case reviews</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Effective from</source>
      <translation>Effective from</translation>
    </message>
    <message>
      <source>Enrolment status</source>
      <translation>Enrolment status</translation>
    </message>
    <message>
      <source>No case review recorded.</source>
      <translation>No case review recorded.</translation>
    </message>
    <message>
      <source>No enrolment status recorded.</source>
      <translation>No enrolment status recorded.</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Pending application</source>
      <translation>Pending application</translation>
    </message>
    <message>
      <source>Reviewed for</source>
      <translation>Reviewed for</translation>
    </message>
    <message>
      <source>Reviewed on</source>
      <translation>Reviewed on</translation>
    </message>
    <message>
      <source>Reviewers</source>
      <translation>Reviewers</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>What was offered</translation>
    </message>
  </context>
  <context>
    <name>WatchListPage</name>
    <message>
      <source>The watch list is for the support centers and counselors.</source>
      <translation>The watch list is for the support centers and counselors.</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>All colleges</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>Counselor</source>
      <translation>Counselor</translation>
    </message>
    <message>
      <source>Reasons</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <source>Students on the watch list</source>
      <translation>Students on the watch list</translation>
    </message>
    <message>
      <source>Identified on</source>
      <translation>Identified on</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>Days overdue</translation>
    </message>
    <message>
      <source>Aid to record</source>
      <translation>Aid to record</translation>
    </message>
    <message>
      <source>Watch list</source>
      <translation>Watch list</translation>
    </message>
    <message>
      <source>Aid to record (identified without application)</source>
      <translation>Aid to record (identified without application)</translation>
    </message>
    <message>
      <source>Disadvantaged students on leave, withdrawn or applying for it, with failed courses at the threshold in their latest term, or a psychological/life flag unresolved for 30 days. Double-click a student to open the profile.</source>
      <translation>Disadvantaged students on leave, withdrawn or applying for it, with failed courses at the threshold in their latest term, or a psychological/life flag unresolved for 30 days. Double-click a student to open the profile.</translation>
    </message>
    <message>
      <source>On the watch list: %1 · aid to record: %2 · warning at %3 failed course(s)</source>
      <translation>On the watch list: %1 · aid to record: %2 · warning at %3 failed course(s)</translation>
    </message>
    <message>
      <source>Watch list (%1)</source>
      <translation>Watch list (%1)</translation>
    </message>
    <message>
      <source>Aid to record (identified without application) (%1)</source>
      <translation>Aid to record (identified without application) (%1)</translation>
    </message>
  </context>
  <context>
    <name>AcademicGapPage</name>
    <message>
      <source>The academic gap is for the support centers. A student's own results are in the profile's “Academic results” tab.</source>
      <translation>The academic gap is for the support centers. A student's own results are in the profile's “Academic results” tab.</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>All colleges</source>
      <translation>All colleges</translation>
    </message>
    <message>
      <source>Enter a college benchmark…</source>
      <translation>Enter a college benchmark…</translation>
    </message>
    <message>
      <source>Definition: </source>
      <translation>Definition: </translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Grade</translation>
    </message>
    <message>
      <source>Disadvantaged</source>
      <translation>Disadvantaged</translation>
    </message>
    <message>
      <source>With results</source>
      <translation>With results</translation>
    </message>
    <message>
      <source>Their median GPA</source>
      <translation>Their median GPA</translation>
    </message>
    <message>
      <source>College median GPA</source>
      <translation>College median GPA</translation>
    </message>
    <message>
      <source>GPA gap</source>
      <translation>GPA gap</translation>
    </message>
    <message>
      <source>vs. a year earlier</source>
      <translation>vs. a year earlier</translation>
    </message>
    <message>
      <source>Their pass rate</source>
      <translation>Their pass rate</translation>
    </message>
    <message>
      <source>College pass rate</source>
      <translation>College pass rate</translation>
    </message>
    <message>
      <source>Pass-rate gap (points)</source>
      <translation>Pass-rate gap (points)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Academic gap by college and grade</source>
      <translation>Academic gap by college and grade</translation>
    </message>
    <message>
      <source>Select a row to see its trend.</source>
      <translation>Select a row to see its trend.</translation>
    </message>
    <message>
      <source>Trend of the selected college and grade</source>
      <translation>Trend of the selected college and grade</translation>
    </message>
    <message>
      <source>No college or grade has disadvantaged students or a benchmark in this term.</source>
      <translation>No college or grade has disadvantaged students or a benchmark in this term.</translation>
    </message>
    <message>
      <source>Trend: %1, grade %2</source>
      <translation>Trend: %1, grade %2</translation>
    </message>
  </context>
  <context>
    <name>BenchmarkDialog</name>
    <message>
      <source>College academic benchmark</source>
      <translation>College academic benchmark</translation>
    </message>
    <message>
      <source>(not given)</source>
      <translation>(not given)</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>Grade (year of entry)</source>
      <translation>Grade (year of entry)</translation>
    </message>
    <message>
      <source>Median GPA of the college</source>
      <translation>Median GPA of the college</translation>
    </message>
    <message>
      <source>Pass rate of the college</source>
      <translation>Pass rate of the college</translation>
    </message>
    <message>
      <source>Students counted (optional)</source>
      <translation>Students counted (optional)</translation>
    </message>
    <message>
      <source>The college's figures for all its students of this grade, as the academic affairs office reports them. Pass rate: the share of students who failed no course this term.</source>
      <translation>The college's figures for all its students of this grade, as the academic affairs office reports them. Pass rate: the share of students who failed no course this term.</translation>
    </message>
    <message>
      <source>No college to enter a benchmark for.</source>
      <translation>No college to enter a benchmark for.</translation>
    </message>
    <message>
      <source>Not entered yet for this college, term and grade.</source>
      <translation>Not entered yet for this college, term and grade.</translation>
    </message>
    <message>
      <source>Entered before: saving changes the stored figures.</source>
      <translation>Entered before: saving changes the stored figures.</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>Not saved.</translation>
    </message>
  </context>
  <context>
    <name>ActivityDialog</name>
    <message>
      <source>Whole school</source>
      <translation>Whole school</translation>
    </message>
  </context>
  <context>
    <name>EvaluationDialog</name>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Edit democratic evaluation</source>
      <translation>Edit democratic evaluation</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>Issues found</source>
      <translation>Issues found</translation>
    </message>
    <message>
      <source>New democratic evaluation</source>
      <translation>New democratic evaluation</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Students evaluated</source>
      <translation>Students evaluated</translation>
    </message>
    <message>
      <source>The issue only, without students' names (seen school-wide)</source>
      <translation>The issue only, without students' names (seen school-wide)</translation>
    </message>
  </context>
  <context>
    <name>IntegrityDialog</name>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Edit integrity-education activity</source>
      <translation>Edit integrity-education activity</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>New integrity-education activity</source>
      <translation>New integrity-education activity</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
  </context>
  <context>
    <name>PolicyActivitiesPage</name>
    <message>
      <source>%1 activities recorded for %2.</source>
      <translation>%1 activities recorded for %2.</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Add…</translation>
    </message>
    <message>
      <source>Approved on</source>
      <translation>Approved on</translation>
    </message>
    <message>
      <source>Class</source>
      <translation>Class</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Concluded on</source>
      <translation>Concluded on</translation>
    </message>
    <message>
      <source>Conclusion</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Delete this activity?</source>
      <translation>Delete this activity?</translation>
    </message>
    <message>
      <source>Deleted.</source>
      <translation>Deleted.</translation>
    </message>
    <message>
      <source>Democratic evaluations</source>
      <translation>Democratic evaluations</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <source>Evaluated</source>
      <translation>Evaluated</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Hours</translation>
    </message>
    <message>
      <source>Integrity education</source>
      <translation>Integrity education</translation>
    </message>
    <message>
      <source>Issues found</source>
      <translation>Issues found</translation>
    </message>
    <message>
      <source>Leader</source>
      <translation>Leader</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>Organiser</translation>
    </message>
    <message>
      <source>Participants</source>
      <translation>Participants</translation>
    </message>
    <message>
      <source>Research projects</source>
      <translation>Research projects</translation>
    </message>
    <message>
      <source>Staff training</source>
      <translation>Staff training</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Trainees</source>
      <translation>Trainees</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>Whole school</translation>
    </message>
  </context>
  <context>
    <name>ProjectDialog</name>
    <message>
      <source>Approved on</source>
      <translation>Approved on</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Concluded on</source>
      <translation>Concluded on</translation>
    </message>
    <message>
      <source>Edit research project</source>
      <translation>Edit research project</translation>
    </message>
    <message>
      <source>Leader</source>
      <translation>Leader</translation>
    </message>
    <message>
      <source>New research project</source>
      <translation>New research project</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
  </context>
  <context>
    <name>TalkDialog</name>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Edit one-to-one talk</source>
      <translation>Edit one-to-one talk</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>New one-to-one talk</source>
      <translation>New one-to-one talk</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>Topics</translation>
    </message>
    <message>
      <source>What was said</source>
      <translation>What was said</translation>
    </message>
    <message>
      <source>e.g. studies, family, health, plans</source>
      <translation>e.g. studies, family, health, plans</translation>
    </message>
  </context>
  <context>
    <name>TrainingDialog</name>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Edit staff training</source>
      <translation>Edit staff training</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>Hours</translation>
    </message>
    <message>
      <source>Names, separated by 、 or commas</source>
      <translation>Names, separated by 、 or commas</translation>
    </message>
    <message>
      <source>New staff training</source>
      <translation>New staff training</translation>
    </message>
    <message>
      <source>Organiser</source>
      <translation>Organiser</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Trainees</source>
      <translation>Trainees</translation>
    </message>
  </context>
  <context>
    <name>WorkloadPage</name>
    <message>
      <source>Whole school</source>
      <translation>Whole school</translation>
    </message>
    <message>
      <source>Export to Excel…</source>
      <translation>Export to Excel…</translation>
    </message>
    <message>
      <source>Forms to sign (PDF)…</source>
      <translation>Forms to sign (PDF)…</translation>
    </message>
    <message>
      <source>One form per teacher; only the selected teacher's when a row is selected</source>
      <translation>One form per teacher; only the selected teacher's when a row is selected</translation>
    </message>
    <message>
      <source>Confirm this term…</source>
      <translation>Confirm this term…</translation>
    </message>
    <message>
      <source>Term</source>
      <translation>Term</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Staff no.</source>
      <translation>Staff no.</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Students mentored</source>
      <translation>Students mentored</translation>
    </message>
    <message>
      <source>Mentor sessions</source>
      <translation>Mentor sessions</translation>
    </message>
    <message>
      <source>Mentor minutes</source>
      <translation>Mentor minutes</translation>
    </message>
    <message>
      <source>Rescue education</source>
      <translation>Rescue education</translation>
    </message>
    <message>
      <source>Case conferences</source>
      <translation>Case conferences</translation>
    </message>
    <message>
      <source>Home visits</source>
      <translation>Home visits</translation>
    </message>
    <message>
      <source>Visits by mode</source>
      <translation>Visits by mode</translation>
    </message>
    <message>
      <source>Visit hours</source>
      <translation>Visit hours</translation>
    </message>
    <message>
      <source>Wish services</source>
      <translation>Wish services</translation>
    </message>
    <message>
      <source>Late entries</source>
      <translation>Late entries</translation>
    </message>
    <message>
      <source>The workload could not be shown.</source>
      <translation>The workload could not be shown.</translation>
    </message>
    <message>
      <source>Confirmed on %1 by %2: these figures are frozen; later entries count in the next term.</source>
      <translation>Confirmed on %1 by %2: these figures are frozen; later entries count in the next term.</translation>
    </message>
    <message>
      <source>Some colleges' figures are confirmed, others are not yet.</source>
      <translation>Some colleges' figures are confirmed, others are not yet.</translation>
    </message>
    <message>
      <source>Not confirmed yet: the figures change as records are added.</source>
      <translation>Not confirmed yet: the figures change as records are added.</translation>
    </message>
    <message>
      <source>Names that are no teacher's (not counted): %1</source>
      <translation>Names that are no teacher's (not counted): %1</translation>
    </message>
    <message>
      <source>Export workload</source>
      <translation>Export workload</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Exported to %1</translation>
    </message>
    <message>
      <source>Confirm the workload of %1 for %2? The figures are then frozen; entries added later count in the next term.</source>
      <translation>Confirm the workload of %1 for %2? The figures are then frozen; entries added later count in the next term.</translation>
    </message>
    <message>
      <source>Confirm workload</source>
      <translation>Confirm workload</translation>
    </message>
    <message>
      <source>Confirmed.</source>
      <translation>Confirmed.</translation>
    </message>
  </context>
  <context>
    <name>NoticePage</name>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Scope</source>
      <translation>Scope</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Period</translation>
    </message>
    <message>
      <source>Working days left</source>
      <translation>Working days left</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Objections (open)</source>
      <translation>Objections (open)</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>Notices</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>Received on</translation>
    </message>
    <message>
      <source>Student</source>
      <translation>Student</translation>
    </message>
    <message>
      <source>Objection</source>
      <translation>Objection</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>Resolved on</source>
      <translation>Resolved on</translation>
    </message>
    <message>
      <source>Objections</source>
      <translation>Objections</translation>
    </message>
    <message>
      <source>Default: &lt;year&gt; &lt;college&gt; identification results</source>
      <translation>Default: &lt;year&gt; &lt;college&gt; identification results</translation>
    </message>
    <message>
      <source>e.g. the center's office and phone</source>
      <translation>e.g. the center's office and phone</translation>
    </message>
    <message>
      <source>Create notice</source>
      <translation>Create notice</translation>
    </message>
    <message>
      <source>New notice</source>
      <translation>New notice</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Objections to</source>
      <translation>Objections to</translation>
    </message>
    <message>
      <source>Issuer</source>
      <translation>Issuer</translation>
    </message>
    <message>
      <source>Starts on</source>
      <translation>Starts on</translation>
    </message>
    <message>
      <source>Ends 5 working days later (Mon–Fri); adjust the end over a holiday.</source>
      <translation>Ends 5 working days later (Mon–Fri); adjust the end over a holiday.</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>Export Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>Change end</source>
      <translation>Change end</translation>
    </message>
    <message>
      <source>End notice</source>
      <translation>End notice</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>Withdraw</translation>
    </message>
    <message>
      <source>Selected notice</source>
      <translation>Selected notice</translation>
    </message>
    <message>
      <source>Ends on</source>
      <translation>Ends on</translation>
    </message>
    <message>
      <source>Optional</source>
      <translation>Optional</translation>
    </message>
    <message>
      <source>Record objection</source>
      <translation>Record objection</translation>
    </message>
    <message>
      <source>Record an objection</source>
      <translation>Record an objection</translation>
    </message>
    <message>
      <source>Student no.</source>
      <translation>Student no.</translation>
    </message>
    <message>
      <source>Save resolution</source>
      <translation>Save resolution</translation>
    </message>
    <message>
      <source>Resolve the selected objection</source>
      <translation>Resolve the selected objection</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>Resolution</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>Objections to the selected notice</source>
      <translation>Objections to the selected notice</translation>
    </message>
    <message>
      <source>Notices are published by the student development support centers.</source>
      <translation>Notices are published by the student development support centers.</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>Whole school</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Notice created.</source>
      <translation>Notice created.</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Enter what the objection says.</source>
      <translation>Enter what the objection says.</translation>
    </message>
    <message>
      <source>Objection recorded.</source>
      <translation>Objection recorded.</translation>
    </message>
    <message>
      <source>Export notice</source>
      <translation>Export notice</translation>
    </message>
    <message>
      <source>Exported %1 (%2 students).</source>
      <translation>Exported %1 (%2 students).</translation>
    </message>
  </context>
  <context>
    <name>AnnualReportDialog</name>
    <message>
      <source>Annual report</source>
      <translation>Annual report</translation>
    </message>
    <message>
      <source>Whole school</source>
      <translation>Whole school</translation>
    </message>
    <message>
      <source>PDF document</source>
      <translation>PDF document</translation>
    </message>
    <message>
      <source>Excel workbook</source>
      <translation>Excel workbook</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Generate</source>
      <translation>Generate</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>This computer is in aggregate-only mode: the report uses the center's figures, kept at each sync for the current and previous academic year (other years and single colleges are fetched from the center server, which needs a connection).</source>
      <translation>This computer is in aggregate-only mode: the report uses the center's figures, kept at each sync for the current and previous academic year (other years and single colleges are fetched from the center server, which needs a connection).</translation>
    </message>
    <message>
      <source>The six coverages and their change over three years, aid by item and funding source, growth rewards, wish-list delivery and key support, with charts: the same numbers as the coverage dashboard, and no student named.</source>
      <translation>The six coverages and their change over three years, aid by item and funding source, growth rewards, wish-list delivery and key support, with charts: the same numbers as the coverage dashboard, and no student named.</translation>
    </message>
    <message>
      <source>Academic year</source>
      <translation>Academic year</translation>
    </message>
    <message>
      <source>College</source>
      <translation>College</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>Save as</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
      <source>Save the annual report</source>
      <translation>Save the annual report</translation>
    </message>
    <message>
      <source>Choose where to save the report.</source>
      <translation>Choose where to save the report.</translation>
    </message>
    <message>
      <source>The folder %1 does not exist.</source>
      <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
      <source>Reading the records…</source>
      <translation>Reading the records…</translation>
    </message>
    <message>
      <source>Computing the figures and writing the report…</source>
      <translation>Computing the figures and writing the report…</translation>
    </message>
    <message>
      <source>The annual report was saved to %1.</source>
      <translation>The annual report was saved to %1.</translation>
    </message>
    <message>
      <source>The report failed.</source>
      <translation>The report failed.</translation>
    </message>
    <message>
      <source>Cancelled; no file was written.</source>
      <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
  </context>
</TS>
