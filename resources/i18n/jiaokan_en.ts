<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;New Project…</source>
            <translation>&amp;New Project…</translation>
        </message>
        <message>
            <source>Create an empty project file</source>
            <translation>Create an empty project file</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>&amp;Open Project…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>Open a project file</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>&amp;Import Files…</translation>
        </message>
        <message>
            <source>Import page dumps into this project</source>
            <translation>Import page dumps into this project</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>Import &amp;Folder…</translation>
        </message>
        <message>
            <source>Import every page dump in a folder</source>
            <translation>Import every page dump in a folder</translation>
        </message>
        <message>
            <source>&amp;Clear Recent Projects</source>
            <translation>&amp;Clear Recent Projects</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Next &amp;Article</source>
            <translation>Next &amp;Article</translation>
        </message>
        <message>
            <source>Open the next article</source>
            <translation>Open the next article</translation>
        </message>
        <message>
            <source>Previous A&amp;rticle</source>
            <translation>Previous A&amp;rticle</translation>
        </message>
        <message>
            <source>Open the previous article</source>
            <translation>Open the previous article</translation>
        </message>
        <message>
            <source>Next &amp;Paragraph</source>
            <translation>Next &amp;Paragraph</translation>
        </message>
        <message>
            <source>Go to the next paragraph</source>
            <translation>Go to the next paragraph</translation>
        </message>
        <message>
            <source>Previous Paragrap&amp;h</source>
            <translation>Previous Paragrap&amp;h</translation>
        </message>
        <message>
            <source>Go to the previous paragraph</source>
            <translation>Go to the previous paragraph</translation>
        </message>
        <message>
            <source>&amp;Search…</source>
            <translation>&amp;Search…</translation>
        </message>
        <message>
            <source>Search the whole project</source>
            <translation>Search the whole project</translation>
        </message>
        <message>
            <source>Next &amp;Hit</source>
            <translation>Next &amp;Hit</translation>
        </message>
        <message>
            <source>Previous H&amp;it</source>
            <translation>Previous H&amp;it</translation>
        </message>
        <message>
            <source>Regular E&amp;xpression</source>
            <translation>Regular E&amp;xpression</translation>
        </message>
        <message>
            <source>Treat the search text as a regular expression</source>
            <translation>Treat the search text as a regular expression</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>&amp;Reset Zoom</source>
            <translation>&amp;Reset Zoom</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Library</translation>
        </message>
        <message>
            <source>Search &amp;Panel</source>
            <translation>Search &amp;Panel</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Keyboard Shortcuts</translation>
        </message>
        <message>
            <source>&amp;About Jiaokan</source>
            <translation>&amp;About Jiaokan</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Import Report</source>
            <translation>Import Report</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) imported</source>
            <translation>
                <numerusform>%n file imported</numerusform>
                <numerusform>%n files imported</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s) found</source>
            <translation>
                <numerusform>%n article found</numerusform>
                <numerusform>%n articles found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) already in the project</source>
            <translation>
                <numerusform>%n file already in the project</numerusform>
                <numerusform>%n files already in the project</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) skipped</source>
            <translation>
                <numerusform>%n file skipped</numerusform>
                <numerusform>%n files skipped</numerusform>
            </translation>
        </message>
        <message>
            <source>cancelled before the end</source>
            <translation>cancelled before the end</translation>
        </message>
        <message>
            <source>These files were not imported:</source>
            <translation>These files were not imported:</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Copy List</source>
            <translation>Copy List</translation>
        </message>
    </context>
    <context>
        <name>Library</name>
        <message>
            <source>news</source>
            <translation>news</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>photo</translation>
        </message>
        <message>
            <source>editorial</source>
            <translation>editorial</translation>
        </message>
        <message>
            <source>contents</source>
            <translation>contents</translation>
        </message>
        <message>
            <source>brief</source>
            <translation>brief</translation>
        </message>
        <message>
            <source>other</source>
            <translation>other</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in progress</translation>
        </message>
        <message numerus="yes">
            <source>%n annotations</source>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>proofread</translation>
        </message>
        <message>
            <source>Source / article</source>
            <translation>Source / article</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>%1 proofread</source>
            <translation>%1 proofread</translation>
        </message>
        <message numerus="yes">
            <source>%n articles</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>(untitled)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>Open &amp;Recent</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Script</source>
            <translation>&amp;Script</translation>
        </message>
        <message>
            <source>&amp;Interface Language</source>
            <translation>&amp;Interface Language</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Toolbar</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <source>Script:</source>
            <translation>Script:</translation>
        </message>
        <message>
            <source>Display the text in this script (the stored text is not changed)</source>
            <translation>Display the text in this script (the stored text is not changed)</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>System Language</translation>
        </message>
        <message>
            <source>Sources and their articles</source>
            <translation>Sources and their articles</translation>
        </message>
        <message>
            <source>Jiaokan Reading Desk</source>
            <translation>Jiaokan Reading Desk</translation>
        </message>
        <message>
            <source>No project is open. Use File &gt; Open Project, or import page dumps.</source>
            <translation>No project is open. Use File &gt; Open Project, or import page dumps.</translation>
        </message>
        <message>
            <source>This project is empty. Import page dumps with File &gt; Import Files.</source>
            <translation>This project is empty. Import page dumps with File &gt; Import Files.</translation>
        </message>
        <message>
            <source>Choose an article in the library.</source>
            <translation>Choose an article in the library.</translation>
        </message>
        <message>
            <source>%1 · article %2 of %3</source>
            <translation>%1 · article %2 of %3</translation>
        </message>
        <message>
            <source>raw %1–%2</source>
            <translation>raw %1–%2</translation>
        </message>
        <message numerus="yes">
            <source>%n characters</source>
            <translation>
                <numerusform>%n character</numerusform>
                <numerusform>%n characters</numerusform>
            </translation>
        </message>
        <message>
            <source>Jiaokan %1 — a reading and annotation desk for Chinese newspaper text dumps.</source>
            <translation>Jiaokan %1 — a reading and annotation desk for Chinese newspaper text dumps.</translation>
        </message>
        <message>
            <source>About Jiaokan</source>
            <translation>About Jiaokan</translation>
        </message>
    </context>
    <context>
        <name>ProjectController</name>
        <message>
            <source>Cannot Open Project</source>
            <translation>Cannot Open Project</translation>
        </message>
        <message>
            <source>“%1” was made by a newer version of Jiaokan. Please update Jiaokan to open it.</source>
            <translation>“%1” was made by a newer version of Jiaokan. Please update Jiaokan to open it.</translation>
        </message>
        <message>
            <source>“%1” is damaged or is not a Jiaokan project file.</source>
            <translation>“%1” is damaged or is not a Jiaokan project file.</translation>
        </message>
        <message>
            <source>“%1” is a database of another program, not a Jiaokan project.</source>
            <translation>“%1” is a database of another program, not a Jiaokan project.</translation>
        </message>
        <message>
            <source>“%1” does not exist.</source>
            <translation>“%1” does not exist.</translation>
        </message>
        <message>
            <source>“%1” cannot be opened.</source>
            <translation>“%1” cannot be opened.</translation>
        </message>
        <message>
            <source>The sample project could not be created.</source>
            <translation>The sample project could not be created.</translation>
        </message>
        <message>
            <source>Jiaokan projects (*.jiaokan)</source>
            <translation>Jiaokan projects (*.jiaokan)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>New Project</source>
            <translation>New Project</translation>
        </message>
        <message>
            <source>“%1” already exists. Open it with File &gt; Open Project.</source>
            <translation>“%1” already exists. Open it with File &gt; Open Project.</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>Open Project</translation>
        </message>
        <message>
            <source>Import Page Dumps</source>
            <translation>Import Page Dumps</translation>
        </message>
        <message>
            <source>Text dumps (*.txt)</source>
            <translation>Text dumps (*.txt)</translation>
        </message>
        <message>
            <source>Import a Folder of Page Dumps</source>
            <translation>Import a Folder of Page Dumps</translation>
        </message>
        <message>
            <source>No Project</source>
            <translation>No Project</translation>
        </message>
        <message>
            <source>Open or create a project first.</source>
            <translation>Open or create a project first.</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>Importing</translation>
        </message>
        <message>
            <source>Preparing the import…</source>
            <translation>Preparing the import…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Imported %1 of %2: %3</source>
            <translation>Imported %1 of %2: %3</translation>
        </message>
        <message>
            <source>Imported %1 file(s), %2 article(s).</source>
            <translation>Imported %1 file(s), %2 article(s).</translation>
        </message>
        <message>
            <source>Import Failed</source>
            <translation>Import Failed</translation>
        </message>
    </context>
    <context>
        <name>Script</name>
        <message>
            <source>As stored</source>
            <extracomment>OpenCC configuration of each display script (None: show the stored text as is). Glyph standard of the fonts used to show each script (see ui.typeset.REGION_FALLBACKS). Menu labels, translated where shown (context "Script").</extracomment>
            <translation>As stored</translation>
        </message>
        <message>
            <source>Simplified</source>
            <translation>Simplified</translation>
        </message>
        <message>
            <source>Traditional</source>
            <translation>Traditional</translation>
        </message>
        <message>
            <source>Traditional (Taiwan)</source>
            <translation>Traditional (Taiwan)</translation>
        </message>
        <message>
            <source>Traditional (Hong Kong)</source>
            <translation>Traditional (Hong Kong)</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Match</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>Search the project (Simplified and Traditional alike)…</source>
            <translation>Search the project (Simplified and Traditional alike)…</translation>
        </message>
        <message>
            <source>Results appear as you type</source>
            <translation>Results appear as you type</translation>
        </message>
        <message>
            <source>Invalid search</source>
            <translation>Invalid search</translation>
        </message>
        <message>
            <source>Search failed</source>
            <translation>Search failed</translation>
        </message>
        <message>
            <source>No hits</source>
            <translation>No hits</translation>
        </message>
        <message numerus="yes">
            <source>%n+ hits</source>
            <translation>
                <numerusform>%n+ hit</numerusform>
                <numerusform>%n+ hits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hits</source>
            <translation>
                <numerusform>%n hit</numerusform>
                <numerusform>%n hits</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Keyboard Shortcuts</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Shortcut</translation>
        </message>
    </context>
</TS>
