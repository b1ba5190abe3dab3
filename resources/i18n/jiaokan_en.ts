<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Actions</name>
        <message>
            <source>The doubtful boundary at the cursor is right: take it off the worklist</source>
            <translation>The doubtful boundary at the cursor is right: take it off the worklist</translation>
        </message>
        <message>
            <source>Previous Doubtful &amp;Boundary</source>
            <translation>Previous Doubtful &amp;Boundary</translation>
        </message>
        <message>
            <source>Next &amp;Doubtful Boundary</source>
            <translation>Next &amp;Doubtful Boundary</translation>
        </message>
        <message>
            <source>Go to the previous boundary the engine was unsure of</source>
            <translation>Go to the previous boundary the engine was unsure of</translation>
        </message>
        <message>
            <source>Go to the next boundary the engine was unsure of</source>
            <translation>Go to the next boundary the engine was unsure of</translation>
        </message>
        <message>
            <source>&amp;Looks Right</source>
            <translation>&amp;Looks Right</translation>
        </message>
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
        <message>
            <source>Apply Tag in Slot &amp;1</source>
            <translation>Apply Tag in Slot &amp;1</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;2</source>
            <translation>Apply Tag in Slot &amp;2</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;3</source>
            <translation>Apply Tag in Slot &amp;3</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;4</source>
            <translation>Apply Tag in Slot &amp;4</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;5</source>
            <translation>Apply Tag in Slot &amp;5</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;6</source>
            <translation>Apply Tag in Slot &amp;6</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;7</source>
            <translation>Apply Tag in Slot &amp;7</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;8</source>
            <translation>Apply Tag in Slot &amp;8</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;9</source>
            <translation>Apply Tag in Slot &amp;9</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Undo</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Redo</translation>
        </message>
        <message>
            <source>&amp;Correct Selection…</source>
            <translation>&amp;Correct Selection…</translation>
        </message>
        <message>
            <source>Replace the selected text, with the reason as an optional note</source>
            <translation>Replace the selected text, with the reason as an optional note</translation>
        </message>
        <message>
            <source>Show C&amp;orrections</source>
            <translation>Show C&amp;orrections</translation>
        </message>
        <message>
            <source>Show deleted text struck through and inserted text underlined</source>
            <translation>Show deleted text struck through and inserted text underlined</translation>
        </message>
        <message>
            <source>&amp;Join with Next Paragraph</source>
            <translation>&amp;Join with Next Paragraph</translation>
        </message>
        <message>
            <source>Join the paragraph at the cursor with the one after it</source>
            <translation>Join the paragraph at the cursor with the one after it</translation>
        </message>
        <message>
            <source>&amp;Split Paragraph at Cursor</source>
            <translation>&amp;Split Paragraph at Cursor</translation>
        </message>
        <message>
            <source>Start a new paragraph at the cursor</source>
            <translation>Start a new paragraph at the cursor</translation>
        </message>
        <message>
            <source>&amp;Kicker</source>
            <translation>&amp;Kicker</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>S&amp;ubtitle</source>
            <translation>S&amp;ubtitle</translation>
        </message>
        <message>
            <source>&amp;Byline</source>
            <translation>&amp;Byline</translation>
        </message>
        <message>
            <source>&amp;Paragraph</source>
            <translation>&amp;Paragraph</translation>
        </message>
        <message>
            <source>Sub&amp;head</source>
            <translation>Sub&amp;head</translation>
        </message>
        <message>
            <source>&amp;Caption</source>
            <translation>&amp;Caption</translation>
        </message>
        <message>
            <source>&amp;Jump Line</source>
            <translation>&amp;Jump Line</translation>
        </message>
        <message>
            <source>Move Block to &amp;Previous Article</source>
            <translation>Move Block to &amp;Previous Article</translation>
        </message>
        <message>
            <source>Move the article's first block to the end of the previous article</source>
            <translation>Move the article's first block to the end of the previous article</translation>
        </message>
        <message>
            <source>Move Block to &amp;Next Article</source>
            <translation>Move Block to &amp;Next Article</translation>
        </message>
        <message>
            <source>Move the article's last block to the start of the next article</source>
            <translation>Move the article's last block to the start of the next article</translation>
        </message>
        <message>
            <source>Split &amp;Article Here</source>
            <translation>Split &amp;Article Here</translation>
        </message>
        <message>
            <source>Start a new article with the block at the cursor</source>
            <translation>Start a new article with the block at the cursor</translation>
        </message>
        <message>
            <source>&amp;Merge with Next Article</source>
            <translation>&amp;Merge with Next Article</translation>
        </message>
        <message>
            <source>Append the next article of the page to this one</source>
            <translation>Append the next article of the page to this one</translation>
        </message>
        <message>
            <source>&amp;Tag Selection</source>
            <translation>&amp;Tag Selection</translation>
        </message>
        <message>
            <source>Apply the tag chosen in the codebook to the selected text</source>
            <translation>Apply the tag chosen in the codebook to the selected text</translation>
        </message>
        <message>
            <source>Remove &amp;Annotation</source>
            <translation>Remove &amp;Annotation</translation>
        </message>
        <message>
            <source>Remove the annotations under the selection or the cursor</source>
            <translation>Remove the annotations under the selection or the cursor</translation>
        </message>
        <message>
            <source>Tag All Search &amp;Hits…</source>
            <translation>Tag All Search &amp;Hits…</translation>
        </message>
        <message>
            <source>Tag every hit of the current search, in one step that can be undone</source>
            <translation>Tag every hit of the current search, in one step that can be undone</translation>
        </message>
        <message>
            <source>Add &amp;Note to Article…</source>
            <translation>Add &amp;Note to Article…</translation>
        </message>
        <message>
            <source>Write a note about the open article</source>
            <translation>Write a note about the open article</translation>
        </message>
        <message>
            <source>Mark &amp;Unreviewed</source>
            <translation>Mark &amp;Unreviewed</translation>
        </message>
        <message>
            <source>Mark &amp;In Progress</source>
            <translation>Mark &amp;In Progress</translation>
        </message>
        <message>
            <source>Mark &amp;Proofread</source>
            <translation>Mark &amp;Proofread</translation>
        </message>
        <message>
            <source>&amp;Next Review State</source>
            <translation>&amp;Next Review State</translation>
        </message>
        <message>
            <source>Unreviewed, in progress, proofread, and round again</source>
            <translation>Unreviewed, in progress, proofread, and round again</translation>
        </message>
        <message>
            <source>&amp;Codebook</source>
            <translation>&amp;Codebook</translation>
        </message>
        <message>
            <source>&amp;Annotations</source>
            <translation>&amp;Annotations</translation>
        </message>
        <message>
            <source>Edit &amp;History</source>
            <translation>Edit &amp;History</translation>
        </message>
        <message>
            <source>Review and &amp;Notes</source>
            <translation>Review and &amp;Notes</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>Export the articles and the work on them (CSV, REFI-QDA, TEI, …)</source>
            <translation>Export the articles and the work on them (CSV, REFI-QDA, TEI, …)</translation>
        </message>
        <message>
            <source>Import &amp;Work…</source>
            <translation>Import &amp;Work…</translation>
        </message>
        <message>
            <source>Merge another project's work from its JSONL export</source>
            <translation>Merge another project's work from its JSONL export</translation>
        </message>
        <message>
            <source>Import Code&amp;book…</source>
            <translation>Import Code&amp;book…</translation>
        </message>
        <message>
            <source>Add the codes of a REFI-QDA codebook (.qdc) to the tags</source>
            <translation>Add the codes of a REFI-QDA codebook (.qdc) to the tags</translation>
        </message>
        <message>
            <source>Reports &amp;Panel</source>
            <translation>Reports &amp;Panel</translation>
        </message>
        <message>
            <source>&amp;Reading Layout</source>
            <translation>&amp;Reading Layout</translation>
        </message>
        <message>
            <source>Library, article and raw text; single keys move (J/K, N/P) and tag (1–9)</source>
            <translation>Library, article and raw text; single keys move (J/K, N/P) and tag (1–9)</translation>
        </message>
        <message>
            <source>&amp;Proofreading Layout</source>
            <translation>&amp;Proofreading Layout</translation>
        </message>
        <message>
            <source>Article, raw text, edit history and notes; typing in the article corrects it</source>
            <translation>Article, raw text, edit history and notes; typing in the article corrects it</translation>
        </message>
        <message>
            <source>&amp;Coding Layout</source>
            <translation>&amp;Coding Layout</translation>
        </message>
        <message>
            <source>Library, article, codebook and annotations</source>
            <translation>Library, article, codebook and annotations</translation>
        </message>
        <message>
            <source>&amp;Raw Text</source>
            <translation>&amp;Raw Text</translation>
        </message>
        <message>
            <source>Coded &amp;Passages</source>
            <translation>Coded &amp;Passages</translation>
        </message>
        <message>
            <source>Every passage of a tag across the project, with filters and CSV export</source>
            <translation>Every passage of a tag across the project, with filters and CSV export</translation>
        </message>
        <message>
            <source>Merge &amp;Conflicts</source>
            <translation>Merge &amp;Conflicts</translation>
        </message>
        <message>
            <source>Where an imported project changed the same text differently: decide</source>
            <translation>Where an imported project changed the same text differently: decide</translation>
        </message>
        <message>
            <source>Source &amp;Properties…</source>
            <translation>Source &amp;Properties…</translation>
        </message>
        <message>
            <source>The page's date, page name and page number</source>
            <translation>The page's date, page name and page number</translation>
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
        <message numerus="yes">
            <source>%n doubts</source>
            <translation>
                <numerusform>%n doubt</numerusform>
                <numerusform>%n doubts</numerusform>
            </translation>
        </message>
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
        <message>
            <source>%1 of %2 proofread</source>
            <translation>%1 of %2 proofread</translation>
        </message>
        <message>
            <source>p. %1</source>
            <translation>p. %1</translation>
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
        <message>
            <source>about %n hits</source>
            <translation>about %n hits</translation>
        </message>
        <message>
            <source>%1 shown so far; more load as you scroll</source>
            <translation>%1 shown so far; more load as you scroll</translation>
        </message>
        <message>
            <source>Invalid filter</source>
            <translation>Invalid filter</translation>
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
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Lost text</source>
            <translation>Lost text</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Passage</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s) in this article</source>
            <translation>
                <numerusform>%n annotation in this article</numerusform>
                <numerusform>%n annotations in this article</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n orphaned (their text was edited away)</source>
            <translation>
                <numerusform>%n orphaned (their text was edited away)</numerusform>
                <numerusform>%n orphaned (their text was edited away)</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <translation>Edit Note…</translation>
        </message>
        <message>
            <source>Change Tag…</source>
            <translation>Change Tag…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Re-attach to Selection</source>
            <translation>Re-attach to Selection</translation>
        </message>
        <message>
            <source>Select the words it belongs on in the article, then press this</source>
            <translation>Select the words it belongs on in the article, then press this</translation>
        </message>
    </context>
    <context>
        <name>AutoTagDialog</name>
        <message>
            <source>Tag All Search Hits</source>
            <translation>Tag All Search Hits</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message>
            <source>Tag Them</source>
            <translation>Tag Them</translation>
        </message>
        <message>
            <source>Tag:</source>
            <translation>Tag:</translation>
        </message>
        <message numerus="yes">
            <source>%n hit(s) of “%1”</source>
            <translation>
                <numerusform>%n hit of “%1”</numerusform>
                <numerusform>%n hits of “%1”</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n article(s)</source>
            <translation>
                <numerusform>in %n article</numerusform>
                <numerusform>in %n articles</numerusform>
            </translation>
        </message>
        <message>
            <source>Every hit is tagged in one step; Undo takes them all back.</source>
            <translation>Every hit is tagged in one step; Undo takes them all back.</translation>
        </message>
    </context>
    <context>
        <name>Codebook</name>
        <message>
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Uses</source>
            <translation>Uses</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with the tags under it</source>
            <translation>
                <numerusform>%n with the tags under it</numerusform>
                <numerusform>%n with the tags under it</numerusform>
            </translation>
        </message>
        <message>
            <source>Key %1 applies it</source>
            <translation>Key %1 applies it</translation>
        </message>
    </context>
    <context>
        <name>CodebookPanel</name>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>New tag at the top level</source>
            <translation>New tag at the top level</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Child</translation>
        </message>
        <message>
            <source>New tag under the chosen one</source>
            <translation>New tag under the chosen one</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>Rename</translation>
        </message>
        <message>
            <source>Colour…</source>
            <translation>Colour…</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>The number key that applies this tag</source>
            <translation>The number key that applies this tag</translation>
        </message>
        <message>
            <source>Key %1</source>
            <translation>Key %1</translation>
        </message>
        <message>
            <source>No Key</source>
            <translation>No Key</translation>
        </message>
        <message>
            <source>Merge…</source>
            <translation>Merge…</translation>
        </message>
        <message>
            <source>Merge this tag into another: its annotations and children move there</source>
            <translation>Merge this tag into another: its annotations and children move there</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>Apply to Selection</source>
            <translation>Apply to Selection</translation>
        </message>
        <message>
            <source>Drag a tag onto another to move it under that one</source>
            <translation>Drag a tag onto another to move it under that one</translation>
        </message>
        <message>
            <source>Memo…</source>
            <translation>Memo…</translation>
        </message>
        <message>
            <source>What this tag means and when to use it (shown over the tag)</source>
            <translation>What this tag means and when to use it (shown over the tag)</translation>
        </message>
        <message>
            <source>Show Coded Passages</source>
            <translation>Show Coded Passages</translation>
        </message>
    </context>
    <context>
        <name>CorrectionBar</name>
        <message>
            <source>Correct:</source>
            <translation>Correct:</translation>
        </message>
        <message>
            <source>The text as it should read</source>
            <translation>The text as it should read</translation>
        </message>
        <message>
            <source>Reason (optional)</source>
            <translation>Reason (optional)</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>EditingDesk</name>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;Structure</source>
            <translation>&amp;Structure</translation>
        </message>
        <message>
            <source>&amp;Apply Tag</source>
            <translation>&amp;Apply Tag</translation>
        </message>
        <message>
            <source>Re&amp;view State</source>
            <translation>Re&amp;view State</translation>
        </message>
        <message>
            <source>Block &amp;Role</source>
            <translation>Block &amp;Role</translation>
        </message>
        <message>
            <source>Codebook</source>
            <translation>Codebook</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>Annotations</translation>
        </message>
        <message>
            <source>Edit History</source>
            <translation>Edit History</translation>
        </message>
        <message>
            <source>Review and Notes</source>
            <translation>Review and Notes</translation>
        </message>
        <message>
            <source>Cannot Revert</source>
            <translation>Cannot Revert</translation>
        </message>
        <message>
            <source>Cannot Edit</source>
            <translation>Cannot Edit</translation>
        </message>
        <message>
            <source>Cannot Change the Project</source>
            <translation>Cannot Change the Project</translation>
        </message>
        <message>
            <source>Undo %1</source>
            <translation>Undo %1</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Undo</translation>
        </message>
        <message>
            <source>Redo %1</source>
            <translation>Redo %1</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Redo</translation>
        </message>
        <message>
            <source>Corrected by %1, %2</source>
            <translation>Corrected by %1, %2</translation>
        </message>
        <message>
            <source>No tag has key %1</source>
            <translation>No tag has key %1</translation>
        </message>
        <message>
            <source>A correction stays inside one paragraph: select less, or join the paragraphs first</source>
            <translation>A correction stays inside one paragraph: select less, or join the paragraphs first</translation>
        </message>
        <message>
            <source>Correct “%1” → “%2”</source>
            <translation>Correct “%1” → “%2”</translation>
        </message>
        <message numerus="yes">
            <source>%n correction(s) in this article</source>
            <translation>
                <numerusform>%n correction in this article</numerusform>
                <numerusform>%n corrections in this article</numerusform>
            </translation>
        </message>
        <message>
            <source>No corrections in this article</source>
            <translation>No corrections in this article</translation>
        </message>
        <message>
            <source>This is the article's last block: there is nothing after it to join</source>
            <translation>This is the article's last block: there is nothing after it to join</translation>
        </message>
        <message>
            <source>Join paragraphs</source>
            <translation>Join paragraphs</translation>
        </message>
        <message>
            <source>Put the cursor inside a paragraph, where the new one should start</source>
            <translation>Put the cursor inside a paragraph, where the new one should start</translation>
        </message>
        <message>
            <source>Split paragraph</source>
            <translation>Split paragraph</translation>
        </message>
        <message>
            <source>Make block a %1</source>
            <translation>Make block a %1</translation>
        </message>
        <message>
            <source>Move last block to the next article</source>
            <translation>Move last block to the next article</translation>
        </message>
        <message>
            <source>Move first block to the previous article</source>
            <translation>Move first block to the previous article</translation>
        </message>
        <message>
            <source>Only the article's last block can move to the next article</source>
            <translation>Only the article's last block can move to the next article</translation>
        </message>
        <message>
            <source>Only the article's first block can move to the previous article</source>
            <translation>Only the article's first block can move to the previous article</translation>
        </message>
        <message>
            <source>The article already starts with this block</source>
            <translation>The article already starts with this block</translation>
        </message>
        <message>
            <source>Split article</source>
            <translation>Split article</translation>
        </message>
        <message>
            <source>Merge with next article</source>
            <translation>Merge with next article</translation>
        </message>
        <message>
            <source>Revert #%1</source>
            <translation>Revert #%1</translation>
        </message>
        <message>
            <source>Select the words to tag in the article first</source>
            <translation>Select the words to tag in the article first</translation>
        </message>
        <message>
            <source>Tag “%1” as %2</source>
            <translation>Tag “%1” as %2</translation>
        </message>
        <message>
            <source>Tagged as %1</source>
            <translation>Tagged as %1</translation>
        </message>
        <message>
            <source>No tag has key %1: give one a key in the codebook</source>
            <translation>No tag has key %1: give one a key in the codebook</translation>
        </message>
        <message>
            <source>Choose a tag in the codebook first</source>
            <translation>Choose a tag in the codebook first</translation>
        </message>
        <message>
            <source>No annotation here</source>
            <translation>No annotation here</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n annotation(s)</source>
            <translation>
                <numerusform>Remove %n annotation</numerusform>
                <numerusform>Remove %n annotations</numerusform>
            </translation>
        </message>
        <message>
            <source>Annotation Note</source>
            <translation>Annotation Note</translation>
        </message>
        <message>
            <source>Note on “%1”:</source>
            <translation>Note on “%1”:</translation>
        </message>
        <message>
            <source>Edit annotation note</source>
            <translation>Edit annotation note</translation>
        </message>
        <message>
            <source>Change Tag</source>
            <translation>Change Tag</translation>
        </message>
        <message>
            <source>New tag:</source>
            <translation>New tag:</translation>
        </message>
        <message>
            <source>Change tag to %1</source>
            <translation>Change tag to %1</translation>
        </message>
        <message>
            <source>This annotation belongs to another article</source>
            <translation>This annotation belongs to another article</translation>
        </message>
        <message>
            <source>Re-attach annotation</source>
            <translation>Re-attach annotation</translation>
        </message>
        <message>
            <source>Search for something first (Ctrl+F): every hit of the search gets tagged</source>
            <translation>Search for something first (Ctrl+F): every hit of the search gets tagged</translation>
        </message>
        <message>
            <source>The codebook is empty: add a tag first</source>
            <translation>The codebook is empty: add a tag first</translation>
        </message>
        <message>
            <source>Every hit already carries this tag</source>
            <translation>Every hit already carries this tag</translation>
        </message>
        <message numerus="yes">
            <source>Tag %n search hit(s)</source>
            <translation>
                <numerusform>Tag %n search hit</numerusform>
                <numerusform>Tag %n search hits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tagged %n passage(s)</source>
            <translation>
                <numerusform>Tagged %n passage</numerusform>
                <numerusform>Tagged %n passages</numerusform>
            </translation>
        </message>
        <message>
            <source>New Tag</source>
            <translation>New Tag</translation>
        </message>
        <message>
            <source>Name of the new tag:</source>
            <translation>Name of the new tag:</translation>
        </message>
        <message>
            <source>New tag %1</source>
            <translation>New tag %1</translation>
        </message>
        <message>
            <source>Rename tag to %1</source>
            <translation>Rename tag to %1</translation>
        </message>
        <message>
            <source>Colour of %1</source>
            <translation>Colour of %1</translation>
        </message>
        <message>
            <source>Recolour tag %1</source>
            <translation>Recolour tag %1</translation>
        </message>
        <message>
            <source>Remove key of %1</source>
            <translation>Remove key of %1</translation>
        </message>
        <message>
            <source>Give key %1 to %2</source>
            <translation>Give key %1 to %2</translation>
        </message>
        <message>
            <source>the top level</source>
            <translation>the top level</translation>
        </message>
        <message>
            <source>Move tag %1 to %2</source>
            <translation>Move tag %1 to %2</translation>
        </message>
        <message>
            <source>There is no other tag to merge it into</source>
            <translation>There is no other tag to merge it into</translation>
        </message>
        <message>
            <source>Merge Tag</source>
            <translation>Merge Tag</translation>
        </message>
        <message>
            <source>Merge “%1” into (its annotations and children move there):</source>
            <translation>Merge “%1” into (its annotations and children move there):</translation>
        </message>
        <message>
            <source>Merge %1 into %2</source>
            <translation>Merge %1 into %2</translation>
        </message>
        <message>
            <source>Delete the tag “%1”?</source>
            <translation>Delete the tag “%1”?</translation>
        </message>
        <message numerus="yes">
            <source>This removes %n tag(s)</source>
            <translation>
                <numerusform>This removes %n tag</numerusform>
                <numerusform>This removes %n tags</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> and %n annotation(s).</source>
            <translation>
                <numerusform> and %n annotation.</numerusform>
                <numerusform> and %n annotations.</numerusform>
            </translation>
        </message>
        <message>
            <source>Undo (Ctrl+Z) brings them back.</source>
            <translation>Undo (Ctrl+Z) brings them back.</translation>
        </message>
        <message>
            <source>Delete Tag</source>
            <translation>Delete Tag</translation>
        </message>
        <message>
            <source>Delete tag %1</source>
            <translation>Delete tag %1</translation>
        </message>
        <message>
            <source>Mark as %1</source>
            <translation>Mark as %1</translation>
        </message>
        <message>
            <source>Note on the Article</source>
            <translation>Note on the Article</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Note:</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>Add note</translation>
        </message>
        <message>
            <source>Edit note</source>
            <translation>Edit note</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>Delete note</translation>
        </message>
        <message>
            <source>Tag &amp;As</source>
            <translation>Tag &amp;As</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Edit #%1 cannot be reverted: %2 changed the same text since. Revert those first.</source>
            <translation>Edit #%1 cannot be reverted: %2 changed the same text since. Revert those first.</translation>
        </message>
        <message>
            <source>Revert edit #%1?</source>
            <translation>Revert edit #%1?</translation>
        </message>
        <message>
            <source>The revert is a new entry of the history; Undo (Ctrl+Z) takes it back.</source>
            <translation>The revert is a new entry of the history; Undo (Ctrl+Z) takes it back.</translation>
        </message>
        <message>
            <source>Revert Edit</source>
            <translation>Revert Edit</translation>
        </message>
        <message>
            <source>Revert #%1: %2</source>
            <translation>Revert #%1: %2</translation>
        </message>
        <message>
            <source>Tag Memo</source>
            <translation>Tag Memo</translation>
        </message>
        <message>
            <source>Memo for “%1”:</source>
            <translation>Memo for “%1”:</translation>
        </message>
        <message>
            <source>Edit memo of %1</source>
            <translation>Edit memo of %1</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>jump line</source>
            <translation>jump line</translation>
        </message>
        <message>
            <source>kicker</source>
            <translation>kicker</translation>
        </message>
        <message>
            <source>title</source>
            <translation>title</translation>
        </message>
        <message>
            <source>subtitle</source>
            <translation>subtitle</translation>
        </message>
        <message>
            <source>byline</source>
            <translation>byline</translation>
        </message>
        <message>
            <source>paragraph</source>
            <translation>paragraph</translation>
        </message>
        <message>
            <source>subhead</source>
            <translation>subhead</translation>
        </message>
        <message>
            <source>caption</source>
            <translation>caption</translation>
        </message>
        <message>
            <source>Joined two paragraphs</source>
            <translation>Joined two paragraphs</translation>
        </message>
        <message>
            <source>Split a paragraph</source>
            <translation>Split a paragraph</translation>
        </message>
        <message>
            <source>Moved a block to the previous article</source>
            <translation>Moved a block to the previous article</translation>
        </message>
        <message>
            <source>Moved a block to the next article</source>
            <translation>Moved a block to the next article</translation>
        </message>
        <message>
            <source>Split the article</source>
            <translation>Split the article</translation>
        </message>
        <message>
            <source>Merged with the next article</source>
            <translation>Merged with the next article</translation>
        </message>
        <message>
            <source>Inserted %1</source>
            <translation>Inserted %1</translation>
        </message>
        <message>
            <source>Deleted %1</source>
            <translation>Deleted %1</translation>
        </message>
        <message>
            <source>Role: %1 → %2</source>
            <translation>Role: %1 → %2</translation>
        </message>
        <message>
            <source>Reverted #%1</source>
            <translation>Reverted #%1</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Reverted by #%1</source>
            <translation>Reverted by #%1</translation>
        </message>
        <message>
            <source>Changed the same text later: revert this first</source>
            <translation>Changed the same text later: revert this first</translation>
        </message>
        <message>
            <source>Edits of This Article</source>
            <translation>Edits of This Article</translation>
        </message>
        <message>
            <source>Undo Stack</source>
            <translation>Undo Stack</translation>
        </message>
        <message>
            <source>&lt;start of session&gt;</source>
            <translation>&lt;start of session&gt;</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>Revert</translation>
        </message>
        <message>
            <source>Undo this edit with a new entry (later edits are kept)</source>
            <translation>Undo this edit with a new entry (later edits are kept)</translation>
        </message>
        <message numerus="yes">
            <source>%n edit(s)</source>
            <translation>
                <numerusform>%n edit</numerusform>
                <numerusform>%n edits</numerusform>
            </translation>
        </message>
        <message>
            <source>Restored: %1</source>
            <translation>Restored: %1</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>Undone: %1</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <source>Unreviewed</source>
            <translation>Unreviewed</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Proofread</source>
            <translation>Proofread</translation>
        </message>
        <message>
            <source>Review:</source>
            <translation>Review:</translation>
        </message>
        <message numerus="yes">
            <source>%n note(s) on this article</source>
            <translation>
                <numerusform>%n note on this article</numerusform>
                <numerusform>%n notes on this article</numerusform>
            </translation>
        </message>
        <message>
            <source>Add Note…</source>
            <translation>Add Note…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
    </context>
    <context>
        <name>ExchangeDesk</name>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Reports</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Reports</translation>
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
            <source>Jiaokan JSONL exports (*.jsonl)</source>
            <translation>Jiaokan JSONL exports (*.jsonl)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Import Work</source>
            <translation>Import Work</translation>
        </message>
        <message>
            <source>Importing Work</source>
            <translation>Importing Work</translation>
        </message>
        <message>
            <source>Merging the work of another project…</source>
            <translation>Merging the work of another project…</translation>
        </message>
        <message>
            <source>Articles: %1 from %2 pages (%3 pages new here, %4 skipped)</source>
            <translation>Articles: %1 from %2 pages (%3 pages new here, %4 skipped)</translation>
        </message>
        <message>
            <source>Tags created: %1</source>
            <translation>Tags created: %1</translation>
        </message>
        <message>
            <source>Already in the codebook: %1</source>
            <translation>Already in the codebook: %1</translation>
        </message>
        <message>
            <source>Name clashes among sibling codes, merged: %1</source>
            <translation>Name clashes among sibling codes, merged: %1</translation>
        </message>
        <message>
            <source>Names changed: %1</source>
            <translation>Names changed: %1</translation>
        </message>
        <message>
            <source>Codes marked not codable, imported as ordinary tags: %1</source>
            <translation>Codes marked not codable, imported as ordinary tags: %1</translation>
        </message>
        <message>
            <source>Code sets not imported (Jiaokan has no sets): %1</source>
            <translation>Code sets not imported (Jiaokan has no sets): %1</translation>
        </message>
        <message>
            <source>Edits: %1 applied, %2 already here, %3 conflicts kept for review</source>
            <translation>Edits: %1 applied, %2 already here, %3 conflicts kept for review</translation>
        </message>
        <message>
            <source>Passages: %1 added (%2 orphaned), %3 already here</source>
            <translation>Passages: %1 added (%2 orphaned), %3 already here</translation>
        </message>
        <message>
            <source>Notes added: %1; review states advanced: %2; page attribute changes applied: %3</source>
            <translation>Notes added: %1; review states advanced: %2; page attribute changes applied: %3</translation>
        </message>
        <message>
            <source>Where both projects changed the same text differently, both versions are kept: list them with “jiaokan conflicts list”, then accept or reject each.</source>
            <translation>Where both projects changed the same text differently, both versions are kept: list them with “jiaokan conflicts list”, then accept or reject each.</translation>
        </message>
        <message>
            <source>Work Imported</source>
            <translation>Work Imported</translation>
        </message>
        <message>
            <source>Import Failed</source>
            <translation>Import Failed</translation>
        </message>
        <message>
            <source>REFI-QDA codebooks (*.qdc)</source>
            <translation>REFI-QDA codebooks (*.qdc)</translation>
        </message>
        <message>
            <source>Import Codebook</source>
            <translation>Import Codebook</translation>
        </message>
        <message>
            <source>Cannot Import Codebook</source>
            <translation>Cannot Import Codebook</translation>
        </message>
        <message>
            <source>Codebook Imported</source>
            <translation>Codebook Imported</translation>
        </message>
        <message>
            <source>Where both projects changed the same text, or a page's date, name or number, differently, both versions are kept: decide each in the Merge Conflicts panel (Ctrl+9).</source>
            <translation>Where both projects changed the same text, or a page's date, name or number, differently, both versions are kept: decide each in the Merge Conflicts panel (Ctrl+9).</translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>No Project</source>
            <translation>No Project</translation>
        </message>
        <message>
            <source>Open or create a project first.</source>
            <translation>Open or create a project first.</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Exporting</translation>
        </message>
        <message>
            <source>Exporting as %1…</source>
            <translation>Exporting as %1…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was written.</source>
            <translation>Export cancelled; nothing was written.</translation>
        </message>
        <message>
            <source>Exported %1 article(s) with %2 passage(s) to %3.</source>
            <translation>Exported %1 article(s) with %2 passage(s) to %3.</translation>
        </message>
        <message>
            <source>Export Failed</source>
            <translation>Export Failed</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>&amp;Format:</translation>
        </message>
        <message>
            <source>Save &amp;to:</source>
            <translation>Save &amp;to:</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Only export…</source>
            <translation>Only export…</translation>
        </message>
        <message>
            <source>Sources:</source>
            <translation>Sources:</translation>
        </message>
        <message>
            <source>Tags:</source>
            <translation>Tags:</translation>
        </message>
        <message>
            <source>Review states:</source>
            <translation>Review states:</translation>
        </message>
        <message>
            <source>unreviewed</source>
            <translation>unreviewed</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in progress</translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>proofread</translation>
        </message>
        <message>
            <source>Nothing ticked in a list means all of it. A ticked tag keeps only the articles with passages tagged with it (or a tag under it), and only those passages.</source>
            <translation>Nothing ticked in a list means all of it. A ticked tag keeps only the articles with passages tagged with it (or a tag under it), and only those passages.</translation>
        </message>
        <message>
            <source>Export to Folder</source>
            <translation>Export to Folder</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>Choose where to save the export.</translation>
        </message>
        <message>
            <source>Jiaokan JSONL</source>
            <translation>Jiaokan JSONL</translation>
        </message>
        <message>
            <source>The project's work, one article per line: merges into another project</source>
            <translation>The project's work, one article per line: merges into another project</translation>
        </message>
        <message>
            <source>CSV (Excel)</source>
            <translation>CSV (Excel)</translation>
        </message>
        <message>
            <source>One row per tagged passage with context, UTF-8 with BOM</source>
            <translation>One row per tagged passage with context, UTF-8 with BOM</translation>
        </message>
        <message>
            <source>REFI-QDA project</source>
            <translation>REFI-QDA project</translation>
        </message>
        <message>
            <source>Project for ATLAS.ti, MAXQDA, NVivo and other QDA tools</source>
            <translation>Project for ATLAS.ti, MAXQDA, NVivo and other QDA tools</translation>
        </message>
        <message>
            <source>REFI-QDA codebook</source>
            <translation>REFI-QDA codebook</translation>
        </message>
        <message>
            <source>The tags alone, for QDA tools</source>
            <translation>The tags alone, for QDA tools</translation>
        </message>
        <message>
            <source>W3C Web Annotation</source>
            <translation>W3C Web Annotation</translation>
        </message>
        <message>
            <source>JSON-LD annotation collection (tags, notes, corrections)</source>
            <translation>JSON-LD annotation collection (tags, notes, corrections)</translation>
        </message>
        <message>
            <source>TEI P5 XML</source>
            <translation>TEI P5 XML</translation>
        </message>
        <message>
            <source>Corrected articles with tags, corrections and notes</source>
            <translation>Corrected articles with tags, corrections and notes</translation>
        </message>
        <message>
            <source>brat standoff</source>
            <translation>brat standoff</translation>
        </message>
        <message>
            <source>A folder of .txt/.ann pairs with annotation.conf</source>
            <translation>A folder of .txt/.ann pairs with annotation.conf</translation>
        </message>
        <message>
            <source>Markdown</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <source>The corrected articles for reading</source>
            <translation>The corrected articles for reading</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>Plain text</translation>
        </message>
    </context>
    <context>
        <name>ReportsPanel</name>
        <message>
            <source>proofread articles</source>
            <translation>proofread articles</translation>
        </message>
        <message>
            <source>engine paragraphs</source>
            <translation>engine paragraphs</translation>
        </message>
        <message>
            <source>engine articles</source>
            <translation>engine articles</translation>
        </message>
        <message>
            <source>editor paragraphs</source>
            <translation>editor paragraphs</translation>
        </message>
        <message>
            <source>Engine against the editors (proofread)</source>
            <translation>Engine against the editors (proofread)</translation>
        </message>
        <message>
            <source>Articles marked proofread, as the editors left them, against the engine's segmentation of the same text as imported: par_ws is paragraph F1 ignoring whitespace, art article F1, head and byline the share of headlines and credits reproduced (the measures of score.py). Both sides are read from the raw page, so corrected misprints do not count.</source>
            <translation>Articles marked proofread, as the editors left them, against the engine's segmentation of the same text as imported: par_ws is paragraph F1 ignoring whitespace, art article F1, head and byline the share of headlines and credits reproduced (the measures of score.py). Both sides are read from the raw page, so corrected misprints do not count.</translation>
        </message>
        <message>
            <source>Tag frequencies by source</source>
            <translation>Tag frequencies by source</translation>
        </message>
        <message>
            <source>Tag frequencies by month</source>
            <translation>Tag frequencies by month</translation>
        </message>
        <message>
            <source>Tag co-occurrence</source>
            <translation>Tag co-occurrence</translation>
        </message>
        <message>
            <source>Proofreading progress</source>
            <translation>Proofreading progress</translation>
        </message>
        <message>
            <source>Inter-coder agreement (kappa)</source>
            <translation>Inter-coder agreement (kappa)</translation>
        </message>
        <message>
            <source>Coders:</source>
            <translation>Coders:</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Save Table as CSV…</source>
            <translation>Save Table as CSV…</translation>
        </message>
        <message>
            <source>Save Chart as PNG…</source>
            <translation>Save Chart as PNG…</translation>
        </message>
        <message>
            <source>Which report to show</source>
            <translation>Which report to show</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>tag</translation>
        </message>
        <message>
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <source>source</source>
            <translation>source</translation>
        </message>
        <message>
            <source>articles</source>
            <translation>articles</translation>
        </message>
        <message>
            <source>proofread %</source>
            <translation>proofread %</translation>
        </message>
        <message>
            <source>corrections</source>
            <translation>corrections</translation>
        </message>
        <message>
            <source>passages</source>
            <translation>passages</translation>
        </message>
        <message>
            <source>coder A</source>
            <translation>coder A</translation>
        </message>
        <message>
            <source>coder B</source>
            <translation>coder B</translation>
        </message>
        <message>
            <source>characters</source>
            <translation>characters</translation>
        </message>
        <message>
            <source>both</source>
            <translation>both</translation>
        </message>
        <message>
            <source>only A</source>
            <translation>only A</translation>
        </message>
        <message>
            <source>only B</source>
            <translation>only B</translation>
        </message>
        <message>
            <source>neither</source>
            <translation>neither</translation>
        </message>
        <message>
            <source>agreement %</source>
            <translation>agreement %</translation>
        </message>
        <message>
            <source>kappa</source>
            <translation>kappa</translation>
        </message>
        <message>
            <source>No project is open.</source>
            <translation>No project is open.</translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>Computing…</translation>
        </message>
        <message>
            <source>The report could not be computed.</source>
            <translation>The report could not be computed.</translation>
        </message>
        <message>
            <source>Report Failed</source>
            <translation>Report Failed</translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>proofread</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in progress</translation>
        </message>
        <message>
            <source>unreviewed</source>
            <translation>unreviewed</translation>
        </message>
        <message>
            <source>Tagged passages (orphaned ones included).</source>
            <translation>Tagged passages (orphaned ones included).</translation>
        </message>
        <message>
            <source>Tagged passages (orphaned ones included). Month: the page's date from its file name or header, else the month it was imported (UTC).</source>
            <translation>Tagged passages (orphaned ones included). Month: the page's date from its file name or header, else the month it was imported (UTC).</translation>
        </message>
        <message>
            <source>Pairs of passages in the same article that overlap or share a paragraph; the diagonal counts such pairs with the same tag. Orphaned passages are left out.</source>
            <translation>Pairs of passages in the same article that overlap or share a paragraph; the diagonal counts such pairs with the same tag. Orphaned passages are left out.</translation>
        </message>
        <message>
            <source>Corrections: text corrections in effect (not reverted).</source>
            <translation>Corrections: text corrections in effect (not reverted).</translation>
        </message>
        <message>
            <source>Per character of the articles both coders tagged (line breaks between paragraphs left out). Kappa is empty where it is undefined (both coders tagged all or none of the characters).</source>
            <translation>Per character of the articles both coders tagged (line breaks between paragraphs left out). Kappa is empty where it is undefined (both coders tagged all or none of the characters).</translation>
        </message>
        <message>
            <source>Save Table as CSV</source>
            <translation>Save Table as CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Save Chart as PNG</source>
            <translation>Save Chart as PNG</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG images (*.png)</translation>
        </message>
        <message>
            <source>Cannot Save</source>
            <translation>Cannot Save</translation>
        </message>
        <message>
            <source>The table could not be saved.</source>
            <translation>The table could not be saved.</translation>
        </message>
        <message>
            <source>The chart could not be saved as %1.</source>
            <translation>The chart could not be saved as %1.</translation>
        </message>
    </context>
    <context>
        <name>DoubtsDesk</name>
        <message>
            <source>The engine is unsure this article starts here (%1 sure).</source>
            <translation>The engine is unsure this article starts here (%1 sure).</translation>
        </message>
        <message>
            <source>The engine is unsure of this paragraph break (%1 sure).</source>
            <translation>The engine is unsure of this paragraph break (%1 sure).</translation>
        </message>
        <message>
            <source>Round again:</source>
            <translation>Round again:</translation>
        </message>
        <message>
            <source>No doubtful boundary at the cursor: F9 goes to the next one</source>
            <translation>No doubtful boundary at the cursor: F9 goes to the next one</translation>
        </message>
        <message>
            <source>No doubtful boundaries left: the engine was sure of the rest, or they are resolved</source>
            <translation>No doubtful boundaries left: the engine was sure of the rest, or they are resolved</translation>
        </message>
        <message>
            <source>Move the block to the previous article (Alt+Shift+↑), or say it looks right (Ctrl+Shift+L).</source>
            <translation>Move the block to the previous article (Alt+Shift+↑), or say it looks right (Ctrl+Shift+L).</translation>
        </message>
        <message>
            <source>Marked as right; F9 goes to the next doubtful boundary</source>
            <translation>Marked as right; F9 goes to the next doubtful boundary</translation>
        </message>
        <message>
            <source>Join the paragraphs (Ctrl+J), change a role, or say it looks right (Ctrl+Shift+L).</source>
            <translation>Join the paragraphs (Ctrl+J), change a role, or say it looks right (Ctrl+Shift+L).</translation>
        </message>
        <message>
            <source>Boundary looks right</source>
            <translation>Boundary looks right</translation>
        </message>
        <message>
            <source>Boundaries in this article the engine was unsure of; F9 goes to the next</source>
            <translation>Boundaries in this article the engine was unsure of; F9 goes to the next</translation>
        </message>
        <message numerus="yes">
            <source>%n doubtful boundaries · F9</source>
            <translation>
                <numerusform>%n doubtful boundary · F9</numerusform>
                <numerusform>%n doubtful boundaries · F9</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
    </context>
    <context>
        <name>TypingEditor</name>
        <message>
            <source>To correct the text here, switch to the proofreading layout (F6) and type, or select the words and press F2</source>
            <translation>To correct the text here, switch to the proofreading layout (F6) and type, or select the words and press F2</translation>
        </message>
        <message>
            <source>Composing: %1</source>
            <translation>Composing: %1</translation>
        </message>
        <message>
            <source>Type “%1”</source>
            <translation>Type “%1”</translation>
        </message>
        <message>
            <source>That is a paragraph boundary: join the paragraphs with Ctrl+J</source>
            <translation>That is a paragraph boundary: join the paragraphs with Ctrl+J</translation>
        </message>
        <message>
            <source>Delete “%1”</source>
            <translation>Delete “%1”</translation>
        </message>
        <message>
            <source>Paste one paragraph at a time: a correction stays inside one paragraph</source>
            <translation>Paste one paragraph at a time: a correction stays inside one paragraph</translation>
        </message>
        <message>
            <source>Paste “%1”</source>
            <translation>Paste “%1”</translation>
        </message>
        <message>
            <source>A correction stays inside one paragraph: select less, or join the paragraphs first</source>
            <translation>A correction stays inside one paragraph: select less, or join the paragraphs first</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Look in:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Files of &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>StoreErrors</name>
        <message>
            <source>The %1 #%2 no longer exists.</source>
            <translation>The %1 #%2 no longer exists.</translation>
        </message>
        <message>
            <source>A tag needs a name.</source>
            <translation>A tag needs a name.</translation>
        </message>
        <message>
            <source>The tag name “%1” cannot contain “/”: it separates the levels of tag paths.</source>
            <translation>The tag name “%1” cannot contain “/”: it separates the levels of tag paths.</translation>
        </message>
        <message>
            <source>The colour “%1” is not of the form #rrggbb.</source>
            <translation>The colour “%1” is not of the form #rrggbb.</translation>
        </message>
        <message>
            <source>A tag named “%1” already exists there.</source>
            <translation>A tag named “%1” already exists there.</translation>
        </message>
        <message>
            <source>A tag key is 1 to 9, not %1.</source>
            <translation>A tag key is 1 to 9, not %1.</translation>
        </message>
        <message>
            <source>Key %1 already belongs to the tag “%2”.</source>
            <translation>Key %1 already belongs to the tag “%2”.</translation>
        </message>
        <message>
            <source>A tag cannot be merged into itself.</source>
            <translation>A tag cannot be merged into itself.</translation>
        </message>
        <message>
            <source>A correction cannot contain a line break: split the paragraph instead.</source>
            <translation>A correction cannot contain a line break: split the paragraph instead.</translation>
        </message>
        <message>
            <source>A correction must stay inside one paragraph: join the paragraphs first.</source>
            <translation>A correction must stay inside one paragraph: join the paragraphs first.</translation>
        </message>
        <message>
            <source>The correction changes nothing.</source>
            <translation>The correction changes nothing.</translation>
        </message>
        <message>
            <source>Characters %1–%2 are outside the article (it has %3).</source>
            <translation>Characters %1–%2 are outside the article (it has %3).</translation>
        </message>
        <message>
            <source>The article's last block has nothing after it to join: merge the articles instead.</source>
            <translation>The article's last block has nothing after it to join: merge the articles instead.</translation>
        </message>
        <message>
            <source>The block already has this role.</source>
            <translation>The block already has this role.</translation>
        </message>
        <message>
            <source>Only the article's first block can move to the previous article.</source>
            <translation>Only the article's first block can move to the previous article.</translation>
        </message>
        <message>
            <source>Only the article's last block can move to the next article.</source>
            <translation>Only the article's last block can move to the next article.</translation>
        </message>
        <message>
            <source>This is the article's only block: merge the articles instead.</source>
            <translation>This is the article's only block: merge the articles instead.</translation>
        </message>
        <message>
            <source>This is the first article of its page: there is no previous article.</source>
            <translation>This is the first article of its page: there is no previous article.</translation>
        </message>
        <message>
            <source>This is the last article of its page: there is nothing to merge it with.</source>
            <translation>This is the last article of its page: there is nothing to merge it with.</translation>
        </message>
        <message>
            <source>This is the last article of its page: there is no next article.</source>
            <translation>This is the last article of its page: there is no next article.</translation>
        </message>
        <message>
            <source>The article already starts with this block.</source>
            <translation>The article already starts with this block.</translation>
        </message>
        <message>
            <source>Edit #%1 is already reverted (by #%2).</source>
            <translation>Edit #%1 is already reverted (by #%2).</translation>
        </message>
        <message>
            <source>The search is empty: type something to search for.</source>
            <translation>The search is empty: type something to search for.</translation>
        </message>
        <message>
            <source>Invalid regular expression: %1</source>
            <translation>Invalid regular expression: %1</translation>
        </message>
        <message>
            <source>The search is too long (%1 characters; at most %2).</source>
            <translation>The search is too long (%1 characters; at most %2).</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>tag</translation>
        </message>
        <message>
            <source>article</source>
            <translation>article</translation>
        </message>
        <message>
            <source>page</source>
            <translation>page</translation>
        </message>
        <message>
            <source>note</source>
            <translation>note</translation>
        </message>
        <message>
            <source>block</source>
            <translation>block</translation>
        </message>
        <message>
            <source>edit</source>
            <translation>edit</translation>
        </message>
        <message>
            <source>annotation</source>
            <translation>annotation</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>conflict</translation>
        </message>
        <message>
            <source>The project refused the change:</source>
            <translation>The project refused the change:</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2.</source>
            <translation>%1 cannot be read: %2.</translation>
        </message>
        <message>
            <source>%1, line %2: this is not JSON (%3).</source>
            <translation>%1, line %2: this is not JSON (%3).</translation>
        </message>
        <message>
            <source>%1, line %2: this is not UTF-8 text.</source>
            <translation>%1, line %2: this is not UTF-8 text.</translation>
        </message>
        <message>
            <source>%1, line %2: this is not an article of a Jiaokan JSONL export.</source>
            <translation>%1, line %2: this is not an article of a Jiaokan JSONL export.</translation>
        </message>
        <message>
            <source>%1, line %2: no format header: this is not a Jiaokan JSONL export.</source>
            <translation>%1, line %2: no format header: this is not a Jiaokan JSONL export.</translation>
        </message>
        <message>
            <source>%1, line %2 cannot be used: %3</source>
            <translation>%1, line %2 cannot be used: %3</translation>
        </message>
        <message>
            <source>Cannot write %1: the folder %2 does not exist.</source>
            <translation>Cannot write %1: the folder %2 does not exist.</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. 2025-10-01.</source>
            <translation>“%1” is not a date: write it as YYYY-MM-DD, e.g. 2025-10-01.</translation>
        </message>
        <message>
            <source>“%1” is not a page number: give a whole number from 1 to %2.</source>
            <translation>“%1” is not a page number: give a whole number from 1 to %2.</translation>
        </message>
        <message>
            <source>A page name has at most %1 characters, not %2.</source>
            <translation>A page name has at most %1 characters, not %2.</translation>
        </message>
        <message>
            <source>start</source>
            <translation>start</translation>
        </message>
        <message>
            <source>end</source>
            <translation>end</translation>
        </message>
        <message>
            <source>The %1 of the date range, “%2”, is not a day, month or year: write 2025-10-01, 2025-10 or 2025.</source>
            <translation>The %1 of the date range, “%2”, is not a day, month or year: write 2025-10-01, 2025-10 or 2025.</translation>
        </message>
        <message>
            <source>The date range is empty: it starts on %1, after its end %2.</source>
            <translation>The date range is empty: it starts on %1, after its end %2.</translation>
        </message>
        <message>
            <source>Conflict #%1: the page's value changed since the merge; set it by hand (Source Properties).</source>
            <translation>Conflict #%1: the page's value changed since the merge; set it by hand (Source Properties).</translation>
        </message>
    </context>
    <context>
        <name>CodedPassages</name>
        <message>
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>Tag</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Passage</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Context</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Coder</source>
            <translation>Coder</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>unreviewed</source>
            <translation>unreviewed</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>in progress</translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>proofread</translation>
        </message>
        <message>
            <source>Page name</source>
            <translation>Page name</translation>
        </message>
        <message>
            <source>Page no.</source>
            <translation>Page no.</translation>
        </message>
    </context>
    <context>
        <name>CodedPassagesDesk</name>
        <message>
            <source>Coded Passages</source>
            <translation>Coded Passages</translation>
        </message>
    </context>
    <context>
        <name>CodedPassagesPanel</name>
        <message>
            <source>Tag:</source>
            <translation>Tag:</translation>
        </message>
        <message>
            <source>Page:</source>
            <translation>Page:</translation>
        </message>
        <message>
            <source>Coder:</source>
            <translation>Coder:</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>State:</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>From:</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>with sub-tags</source>
            <translation>with sub-tags</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Export CSV…</translation>
        </message>
        <message>
            <source>Save the passages listed here as a CSV table</source>
            <translation>Save the passages listed here as a CSV table</translation>
        </message>
        <message>
            <source>Pages dated from this day (the date of a page's name or running header)</source>
            <translation>Pages dated from this day (the date of a page's name or running header)</translation>
        </message>
        <message>
            <source>Pages dated up to this day</source>
            <translation>Pages dated up to this day</translation>
        </message>
        <message>
            <source>Double-click or press Enter to open the passage in the article</source>
            <translation>Double-click or press Enter to open the passage in the article</translation>
        </message>
        <message>
            <source>any</source>
            <translation>any</translation>
        </message>
        <message>
            <source>all pages</source>
            <translation>all pages</translation>
        </message>
        <message>
            <source>(no coder)</source>
            <translation>(no coder)</translation>
        </message>
        <message>
            <source>anyone</source>
            <translation>anyone</translation>
        </message>
        <message numerus="yes">
            <source>%n passage(s)</source>
            <translation>
                <numerusform>%n passage</numerusform>
                <numerusform>%n passages</numerusform>
            </translation>
        </message>
        <message>
            <source>Export Coded Passages</source>
            <translation>Export Coded Passages</translation>
        </message>
        <message>
            <source>CSV tables (*.csv)</source>
            <translation>CSV tables (*.csv)</translation>
        </message>
        <message>
            <source>e.g. 2025-10-01</source>
            <translation>e.g. 2025-10-01</translation>
        </message>
        <message>
            <source>(no page name)</source>
            <translation>(no page name)</translation>
        </message>
        <message>
            <source>Page name:</source>
            <translation>Page name:</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDesk</name>
        <message>
            <source>Merge Conflicts</source>
            <translation>Merge Conflicts</translation>
        </message>
        <message>
            <source>Accept “%1” (conflict #%2)</source>
            <translation>Accept “%1” (conflict #%2)</translation>
        </message>
        <message>
            <source>Keep ours (conflict #%2)</source>
            <translation>Keep ours (conflict #%2)</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <source>text</source>
            <translation>text</translation>
        </message>
        <message>
            <source>paragraphs</source>
            <translation>paragraphs</translation>
        </message>
        <message>
            <source>revert</source>
            <translation>revert</translation>
        </message>
        <message>
            <source>to decide</source>
            <translation>to decide</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>accepted</translation>
        </message>
        <message>
            <source>kept ours</source>
            <translation>kept ours</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Theirs by</source>
            <translation>Theirs by</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Theirs (the imported project)</source>
            <translation>Theirs (the imported project)</translation>
        </message>
        <message>
            <source>Ours (this project)</source>
            <translation>Ours (this project)</translation>
        </message>
        <message>
            <source>Raw text of the page</source>
            <translation>Raw text of the page</translation>
        </message>
        <message>
            <source>Show decided</source>
            <translation>Show decided</translation>
        </message>
        <message>
            <source>Accept Theirs</source>
            <translation>Accept Theirs</translation>
        </message>
        <message>
            <source>Apply the imported edit here (Ctrl+Z takes it back)</source>
            <translation>Apply the imported edit here (Ctrl+Z takes it back)</translation>
        </message>
        <message>
            <source>Keep Ours</source>
            <translation>Keep Ours</translation>
        </message>
        <message>
            <source>Keep this project's text; the imported edit is set aside</source>
            <translation>Keep this project's text; the imported edit is set aside</translation>
        </message>
        <message>
            <source>Show in Article</source>
            <translation>Show in Article</translation>
        </message>
        <message>
            <source>No conflicts to decide</source>
            <translation>No conflicts to decide</translation>
        </message>
        <message>
            <source>instead of “%1”</source>
            <translation>instead of “%1”</translation>
        </message>
        <message>
            <source>page date</source>
            <translation>page date</translation>
        </message>
        <message>
            <source>page name</source>
            <translation>page name</translation>
        </message>
        <message>
            <source>page number</source>
            <translation>page number</translation>
        </message>
        <message>
            <source>Both projects changed the %1 of this page differently</source>
            <translation>Both projects changed the %1 of this page differently</translation>
        </message>
        <message>
            <source>The %1 of %2:</source>
            <translation>The %1 of %2:</translation>
        </message>
        <message>
            <source>The page has no running header</source>
            <translation>The page has no running header</translation>
        </message>
    </context>
    <context>
        <name>LibraryPane</name>
        <message>
            <source>Filter pages: name, date, page…</source>
            <translation>Filter pages: name, date, page…</translation>
        </message>
        <message>
            <source>Keep the pages whose file name or page name holds these words, whose date starts with one (2025-10) or whose page number it is (3, 第3版)</source>
            <translation>Keep the pages whose file name or page name holds these words, whose date starts with one (2025-10) or whose page number it is (3, 第3版)</translation>
        </message>
    </context>
    <context>
        <name>SourceProperties</name>
        <message>
            <source>Change Source Properties</source>
            <translation>Change Source Properties</translation>
        </message>
    </context>
    <context>
        <name>SourcePropertiesDialog</name>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
        <message>
            <source>Changes:</source>
            <translation>Changes:</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>Page &amp;name:</source>
            <translation>Page &amp;name:</translation>
        </message>
        <message>
            <source>Page n&amp;umber:</source>
            <translation>Page n&amp;umber:</translation>
        </message>
        <message>
            <source>Read from the page's file name and running header; not changed since.</source>
            <translation>Read from the page's file name and running header; not changed since.</translation>
        </message>
        <message>
            <source>Source Properties</source>
            <translation>Source Properties</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, e.g. 2025-10-01</source>
            <translation>YYYY-MM-DD, e.g. 2025-10-01</translation>
        </message>
        <message>
            <source>e.g. 3 (第3版)</source>
            <translation>e.g. 3 (第3版)</translation>
        </message>
        <message>
            <source>e.g. 要闻, 评论</source>
            <translation>e.g. 要闻, 评论</translation>
        </message>
    </context>
    <context>
        <name>PageFilterBar</name>
        <message>
            <source>&amp;Pages:</source>
            <translation>&amp;Pages:</translation>
        </message>
        <message>
            <source>all (name, number, date)</source>
            <translation>all (name, number, date)</translation>
        </message>
        <message>
            <source>Search only the pages each word matches: in the file or page name (要闻), the page number (3, 第3版), the start of the date (2025-10) — as in the library's filter</source>
            <translation>Search only the pages each word matches: in the file or page name (要闻), the page number (3, 第3版), the start of the date (2025-10) — as in the library's filter</translation>
        </message>
        <message>
            <source>&amp;Dated:</source>
            <translation>&amp;Dated:</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <source>Only pages dated on or after this day, month or year (2025-10-01, 2025-10, 2025)</source>
            <translation>Only pages dated on or after this day, month or year (2025-10-01, 2025-10, 2025)</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Only pages dated on or before this day, month or year (to its last day)</source>
            <translation>Only pages dated on or before this day, month or year (to its last day)</translation>
        </message>
    </context>
</TS>
