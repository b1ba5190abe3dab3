<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Actions</name>
        <message>
            <source>The doubtful boundary at the cursor is right: take it off the worklist</source>
            <translation>光标处的存疑分界没有错：从待查清单中移除</translation>
        </message>
        <message>
            <source>Previous Doubtful &amp;Boundary</source>
            <translation>上一处存疑分界(&amp;B)</translation>
        </message>
        <message>
            <source>Next &amp;Doubtful Boundary</source>
            <translation>下一处存疑分界(&amp;D)</translation>
        </message>
        <message>
            <source>Go to the previous boundary the engine was unsure of</source>
            <translation>转到引擎没有把握的上一处分界</translation>
        </message>
        <message>
            <source>Go to the next boundary the engine was unsure of</source>
            <translation>转到引擎没有把握的下一处分界</translation>
        </message>
        <message>
            <source>&amp;Looks Right</source>
            <translation>看着没错(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;New Project…</source>
            <translation>新建项目(&amp;N)…</translation>
        </message>
        <message>
            <source>Create an empty project file</source>
            <translation>新建一个空的项目文件</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>打开项目(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>打开一个项目文件</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <source>Import page dumps into this project</source>
            <translation>把版面文本导入本项目</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>Import every page dump in a folder</source>
            <translation>导入文件夹中的全部版面文本</translation>
        </message>
        <message>
            <source>&amp;Clear Recent Projects</source>
            <translation>清除最近项目(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Next &amp;Article</source>
            <translation>下一篇(&amp;A)</translation>
        </message>
        <message>
            <source>Open the next article</source>
            <translation>打开下一篇文章</translation>
        </message>
        <message>
            <source>Previous A&amp;rticle</source>
            <translation>上一篇(&amp;R)</translation>
        </message>
        <message>
            <source>Open the previous article</source>
            <translation>打开上一篇文章</translation>
        </message>
        <message>
            <source>Next &amp;Paragraph</source>
            <translation>下一段(&amp;P)</translation>
        </message>
        <message>
            <source>Go to the next paragraph</source>
            <translation>转到下一段</translation>
        </message>
        <message>
            <source>Previous Paragrap&amp;h</source>
            <translation>上一段(&amp;H)</translation>
        </message>
        <message>
            <source>Go to the previous paragraph</source>
            <translation>转到上一段</translation>
        </message>
        <message>
            <source>&amp;Search…</source>
            <translation>检索(&amp;S)…</translation>
        </message>
        <message>
            <source>Search the whole project</source>
            <translation>在整个项目中检索</translation>
        </message>
        <message>
            <source>Next &amp;Hit</source>
            <translation>下一处结果(&amp;H)</translation>
        </message>
        <message>
            <source>Previous H&amp;it</source>
            <translation>上一处结果(&amp;I)</translation>
        </message>
        <message>
            <source>Regular E&amp;xpression</source>
            <translation>正则表达式(&amp;X)</translation>
        </message>
        <message>
            <source>Treat the search text as a regular expression</source>
            <translation>把检索词当作正则表达式</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Reset Zoom</source>
            <translation>恢复原始大小(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>文库(&amp;L)</translation>
        </message>
        <message>
            <source>Search &amp;Panel</source>
            <translation>检索面板(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;About Jiaokan</source>
            <translation>关于校勘(&amp;A)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;1</source>
            <translation>应用 1 号键标签(&amp;1)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;2</source>
            <translation>应用 2 号键标签(&amp;2)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;3</source>
            <translation>应用 3 号键标签(&amp;3)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;4</source>
            <translation>应用 4 号键标签(&amp;4)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;5</source>
            <translation>应用 5 号键标签(&amp;5)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;6</source>
            <translation>应用 6 号键标签(&amp;6)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;7</source>
            <translation>应用 7 号键标签(&amp;7)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;8</source>
            <translation>应用 8 号键标签(&amp;8)</translation>
        </message>
        <message>
            <source>Apply Tag in Slot &amp;9</source>
            <translation>应用 9 号键标签(&amp;9)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Correct Selection…</source>
            <translation>校正所选文字(&amp;C)…</translation>
        </message>
        <message>
            <source>Replace the selected text, with the reason as an optional note</source>
            <translation>替换所选文字，可附校正理由</translation>
        </message>
        <message>
            <source>Show C&amp;orrections</source>
            <translation>显示校改(&amp;O)</translation>
        </message>
        <message>
            <source>Show deleted text struck through and inserted text underlined</source>
            <translation>删去的文字加删除线，补入的文字加下划线</translation>
        </message>
        <message>
            <source>&amp;Join with Next Paragraph</source>
            <translation>与下一段合并(&amp;J)</translation>
        </message>
        <message>
            <source>Join the paragraph at the cursor with the one after it</source>
            <translation>把光标所在段落与下一段合并</translation>
        </message>
        <message>
            <source>&amp;Split Paragraph at Cursor</source>
            <translation>在光标处分段(&amp;S)</translation>
        </message>
        <message>
            <source>Start a new paragraph at the cursor</source>
            <translation>从光标处另起一段</translation>
        </message>
        <message>
            <source>&amp;Kicker</source>
            <translation>引题(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>主标题(&amp;T)</translation>
        </message>
        <message>
            <source>S&amp;ubtitle</source>
            <translation>副题(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Byline</source>
            <translation>署名(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Paragraph</source>
            <translation>正文段落(&amp;P)</translation>
        </message>
        <message>
            <source>Sub&amp;head</source>
            <translation>小标题(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Caption</source>
            <translation>图片说明(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Jump Line</source>
            <translation>转版提示(&amp;J)</translation>
        </message>
        <message>
            <source>Move Block to &amp;Previous Article</source>
            <translation>移到上一篇文章(&amp;P)</translation>
        </message>
        <message>
            <source>Move the article's first block to the end of the previous article</source>
            <translation>把本文第一段移到上一篇文章末尾</translation>
        </message>
        <message>
            <source>Move Block to &amp;Next Article</source>
            <translation>移到下一篇文章(&amp;N)</translation>
        </message>
        <message>
            <source>Move the article's last block to the start of the next article</source>
            <translation>把本文最后一段移到下一篇文章开头</translation>
        </message>
        <message>
            <source>Split &amp;Article Here</source>
            <translation>从此处拆分文章(&amp;A)</translation>
        </message>
        <message>
            <source>Start a new article with the block at the cursor</source>
            <translation>从光标所在段落起另立一篇文章</translation>
        </message>
        <message>
            <source>&amp;Merge with Next Article</source>
            <translation>与下一篇文章合并(&amp;M)</translation>
        </message>
        <message>
            <source>Append the next article of the page to this one</source>
            <translation>把本版下一篇文章并入本文</translation>
        </message>
        <message>
            <source>&amp;Tag Selection</source>
            <translation>标注所选文字(&amp;T)</translation>
        </message>
        <message>
            <source>Apply the tag chosen in the codebook to the selected text</source>
            <translation>用编码表中选定的标签标注所选文字</translation>
        </message>
        <message>
            <source>Remove &amp;Annotation</source>
            <translation>删除标注(&amp;A)</translation>
        </message>
        <message>
            <source>Remove the annotations under the selection or the cursor</source>
            <translation>删除所选文字或光标处的标注</translation>
        </message>
        <message>
            <source>Tag All Search &amp;Hits…</source>
            <translation>标注全部检索结果(&amp;H)…</translation>
        </message>
        <message>
            <source>Tag every hit of the current search, in one step that can be undone</source>
            <translation>一次标注当前检索的每一处结果，可一步撤销</translation>
        </message>
        <message>
            <source>Add &amp;Note to Article…</source>
            <translation>为文章添加备注(&amp;N)…</translation>
        </message>
        <message>
            <source>Write a note about the open article</source>
            <translation>为当前文章写一条备注</translation>
        </message>
        <message>
            <source>Mark &amp;Unreviewed</source>
            <translation>标为未审读(&amp;U)</translation>
        </message>
        <message>
            <source>Mark &amp;In Progress</source>
            <translation>标为审读中(&amp;I)</translation>
        </message>
        <message>
            <source>Mark &amp;Proofread</source>
            <translation>标为已校对(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Next Review State</source>
            <translation>切换审读状态(&amp;N)</translation>
        </message>
        <message>
            <source>Unreviewed, in progress, proofread, and round again</source>
            <translation>未审读、审读中、已校对，依次循环</translation>
        </message>
        <message>
            <source>&amp;Codebook</source>
            <translation>编码表(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Annotations</source>
            <translation>标注(&amp;A)</translation>
        </message>
        <message>
            <source>Edit &amp;History</source>
            <translation>修改记录(&amp;H)</translation>
        </message>
        <message>
            <source>Review and &amp;Notes</source>
            <translation>审读与备注(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <source>Export the articles and the work on them (CSV, REFI-QDA, TEI, …)</source>
            <translation>导出文章及其校勘与标注（多种通用格式）</translation>
        </message>
        <message>
            <source>Import &amp;Work…</source>
            <translation>导入他人成果(&amp;W)…</translation>
        </message>
        <message>
            <source>Merge another project's work from its JSONL export</source>
            <translation>合并另一项目导出的校勘与标注</translation>
        </message>
        <message>
            <source>Import Code&amp;book…</source>
            <translation>导入编码本(&amp;B)…</translation>
        </message>
        <message>
            <source>Add the codes of a REFI-QDA codebook (.qdc) to the tags</source>
            <translation>把其他质性分析软件的编码本加入标签</translation>
        </message>
        <message>
            <source>Reports &amp;Panel</source>
            <translation>报告面板(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Reading Layout</source>
            <translation>阅读布局(&amp;R)</translation>
        </message>
        <message>
            <source>Library, article and raw text; single keys move (J/K, N/P) and tag (1–9)</source>
            <translation>文库、文章和原始文本；单键移动（J/K、N/P）和标注（1–9）</translation>
        </message>
        <message>
            <source>&amp;Proofreading Layout</source>
            <translation>校对布局(&amp;P)</translation>
        </message>
        <message>
            <source>Article, raw text, edit history and notes; typing in the article corrects it</source>
            <translation>文章、原始文本、编辑历史和备注；在文章中输入即可更正</translation>
        </message>
        <message>
            <source>&amp;Coding Layout</source>
            <translation>编码布局(&amp;C)</translation>
        </message>
        <message>
            <source>Library, article, codebook and annotations</source>
            <translation>文库、文章、编码表和标注</translation>
        </message>
        <message>
            <source>&amp;Raw Text</source>
            <translation>原始文本(&amp;R)</translation>
        </message>
        <message>
            <source>Coded &amp;Passages</source>
            <translation>编码片段(&amp;P)</translation>
        </message>
        <message>
            <source>Every passage of a tag across the project, with filters and CSV export</source>
            <translation>整个项目中某个标签的所有片段，可筛选并导出为表格</translation>
        </message>
        <message>
            <source>Merge &amp;Conflicts</source>
            <translation>合并冲突(&amp;C)</translation>
        </message>
        <message>
            <source>Where an imported project changed the same text differently: decide</source>
            <translation>导入的项目对同一处文字作了不同修改的地方：逐一决定</translation>
        </message>
        <message>
            <source>Source &amp;Properties…</source>
            <translation>版面属性(&amp;P)…</translation>
        </message>
        <message>
            <source>The page's date, page name and page number</source>
            <translation>这一版的日期、版名和版次</translation>
        </message>
    </context>
    <context>
        <name>ImportReportDialog</name>
        <message>
            <source>Import Report</source>
            <translation>导入报告</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) imported</source>
            <translation>
                <numerusform>已导入 %n 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s) found</source>
            <translation>
                <numerusform>识别出 %n 篇文章</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) already in the project</source>
            <translation>
                <numerusform>%n 个文件已在项目中</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) skipped</source>
            <translation>
                <numerusform>跳过 %n 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>cancelled before the end</source>
            <translation>中途已取消</translation>
        </message>
        <message>
            <source>These files were not imported:</source>
            <translation>以下文件未能导入：</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Copy List</source>
            <translation>复制清单</translation>
        </message>
    </context>
    <context>
        <name>Library</name>
        <message numerus="yes">
            <source>%n doubts</source>
            <translation>
                <numerusform>%n 处存疑</numerusform>
            </translation>
        </message>
        <message>
            <source>news</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>editorial</source>
            <translation>评论</translation>
        </message>
        <message>
            <source>contents</source>
            <translation>目录</translation>
        </message>
        <message>
            <source>brief</source>
            <translation>简讯</translation>
        </message>
        <message>
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>校对中</translation>
        </message>
        <message numerus="yes">
            <source>%n annotations</source>
            <translation>
                <numerusform>%n 条标注</numerusform>
            </translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>已校对</translation>
        </message>
        <message>
            <source>Source / article</source>
            <translation>版面 / 文章</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message numerus="yes">
            <source>%n articles</source>
            <translation>
                <numerusform>%n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <source>%1 of %2 proofread</source>
            <translation>已校对 %1/%2</translation>
        </message>
        <message>
            <source>p. %1</source>
            <translation>第%1版</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近的项目(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Script</source>
            <translation>字形(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Interface Language</source>
            <translation>界面语言(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>检索</translation>
        </message>
        <message>
            <source>Toolbar</source>
            <translation>工具栏</translation>
        </message>
        <message>
            <source>Script:</source>
            <translation>字形：</translation>
        </message>
        <message>
            <source>Display the text in this script (the stored text is not changed)</source>
            <translation>以此字形显示正文（不改动所存文本）</translation>
        </message>
        <message>
            <source>System Language</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Sources and their articles</source>
            <translation>版面及其文章</translation>
        </message>
        <message>
            <source>Jiaokan Reading Desk</source>
            <translation>校勘阅读台</translation>
        </message>
        <message>
            <source>No project is open. Use File &gt; Open Project, or import page dumps.</source>
            <translation>尚未打开项目。请用“文件 &gt; 打开项目”，或导入版面文本。</translation>
        </message>
        <message>
            <source>This project is empty. Import page dumps with File &gt; Import Files.</source>
            <translation>本项目还是空的。请用“文件 &gt; 导入文件”导入版面文本。</translation>
        </message>
        <message>
            <source>Choose an article in the library.</source>
            <translation>请在文库中选择一篇文章。</translation>
        </message>
        <message>
            <source>%1 · article %2 of %3</source>
            <translation>%1 · 第 %2 篇，共 %3 篇</translation>
        </message>
        <message>
            <source>raw %1–%2</source>
            <translation>原文 %1–%2</translation>
        </message>
        <message numerus="yes">
            <source>%n characters</source>
            <translation>
                <numerusform>%n 字</numerusform>
            </translation>
        </message>
        <message>
            <source>Jiaokan %1 — a reading and annotation desk for Chinese newspaper text dumps.</source>
            <translation>校勘 %1 —— 中文报纸版面文本的阅读与标注工作台。</translation>
        </message>
        <message>
            <source>About Jiaokan</source>
            <translation>关于校勘</translation>
        </message>
    </context>
    <context>
        <name>ProjectController</name>
        <message>
            <source>Cannot Open Project</source>
            <translation>无法打开项目</translation>
        </message>
        <message>
            <source>“%1” was made by a newer version of Jiaokan. Please update Jiaokan to open it.</source>
            <translation>“%1”由更新版本的校勘创建。请先升级校勘再打开。</translation>
        </message>
        <message>
            <source>“%1” is damaged or is not a Jiaokan project file.</source>
            <translation>“%1”已损坏，或者不是校勘项目文件。</translation>
        </message>
        <message>
            <source>“%1” is a database of another program, not a Jiaokan project.</source>
            <translation>“%1”是其他程序的数据库，不是校勘项目。</translation>
        </message>
        <message>
            <source>“%1” does not exist.</source>
            <translation>“%1”不存在。</translation>
        </message>
        <message>
            <source>“%1” cannot be opened.</source>
            <translation>无法打开“%1”。</translation>
        </message>
        <message>
            <source>The sample project could not be created.</source>
            <translation>无法创建示例项目。</translation>
        </message>
        <message>
            <source>Jiaokan projects (*.jiaokan)</source>
            <translation>校勘项目 (*.jiaokan)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>New Project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <source>“%1” already exists. Open it with File &gt; Open Project.</source>
            <translation>“%1”已存在。请用“文件 &gt; 打开项目”打开它。</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <source>Import Page Dumps</source>
            <translation>导入版面文本</translation>
        </message>
        <message>
            <source>Text dumps (*.txt)</source>
            <translation>版面文本 (*.txt)</translation>
        </message>
        <message>
            <source>Import a Folder of Page Dumps</source>
            <translation>导入版面文本文件夹</translation>
        </message>
        <message>
            <source>No Project</source>
            <translation>没有打开的项目</translation>
        </message>
        <message>
            <source>Open or create a project first.</source>
            <translation>请先打开或新建一个项目。</translation>
        </message>
        <message>
            <source>Importing</source>
            <translation>正在导入</translation>
        </message>
        <message>
            <source>Preparing the import…</source>
            <translation>正在准备导入…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Imported %1 of %2: %3</source>
            <translation>已导入 %1 / %2：%3</translation>
        </message>
        <message>
            <source>Imported %1 file(s), %2 article(s).</source>
            <translation>已导入 %1 个文件，%2 篇文章。</translation>
        </message>
        <message>
            <source>Import Failed</source>
            <translation>导入失败</translation>
        </message>
    </context>
    <context>
        <name>Script</name>
        <message>
            <source>As stored</source>
            <extracomment>OpenCC configuration of each display script (None: show the stored text as is). Glyph standard of the fonts used to show each script (see ui.typeset.REGION_FALLBACKS). Menu labels, translated where shown (context "Script").</extracomment>
            <translation>按原文</translation>
        </message>
        <message>
            <source>Simplified</source>
            <translation>简体</translation>
        </message>
        <message>
            <source>Traditional</source>
            <translation>繁体</translation>
        </message>
        <message>
            <source>Traditional (Taiwan)</source>
            <translation>繁体（台湾）</translation>
        </message>
        <message>
            <source>Traditional (Hong Kong)</source>
            <translation>繁体（香港）</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>前文</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>命中</translation>
        </message>
        <message>
            <source>After</source>
            <translation>后文</translation>
        </message>
        <message>
            <source>Search the project (Simplified and Traditional alike)…</source>
            <translation>在项目中检索（简繁通查）…</translation>
        </message>
        <message>
            <source>Results appear as you type</source>
            <translation>边输入边显示结果</translation>
        </message>
        <message>
            <source>Invalid search</source>
            <translation>检索式有误</translation>
        </message>
        <message>
            <source>Search failed</source>
            <translation>检索出错</translation>
        </message>
        <message>
            <source>No hits</source>
            <translation>没有结果</translation>
        </message>
        <message numerus="yes">
            <source>%n+ hits</source>
            <translation>
                <numerusform>%n+ 处结果</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hits</source>
            <translation>
                <numerusform>%n 处结果</numerusform>
            </translation>
        </message>
        <message>
            <source>about %n hits</source>
            <translation>约 %n 处结果</translation>
        </message>
        <message>
            <source>%1 shown so far; more load as you scroll</source>
            <translation>已显示 %1 条；滚动时加载更多</translation>
        </message>
        <message>
            <source>Invalid filter</source>
            <translation>筛选无效</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>快捷键</translation>
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Lost text</source>
            <translation>原文已失</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>标注文字</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s) in this article</source>
            <translation>
                <numerusform>本文共 %n 处标注</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n orphaned (their text was edited away)</source>
            <translation>
                <numerusform>%n 处标注失去了原文（文字已被改掉）</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <translation>编辑备注…</translation>
        </message>
        <message>
            <source>Change Tag…</source>
            <translation>更换标签…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Re-attach to Selection</source>
            <translation>重新挂到所选文字</translation>
        </message>
        <message>
            <source>Select the words it belongs on in the article, then press this</source>
            <translation>先在文章中选中它应标注的文字，再按此按钮</translation>
        </message>
    </context>
    <context>
        <name>AutoTagDialog</name>
        <message>
            <source>Tag All Search Hits</source>
            <translation>标注全部检索结果</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>……另有 %n 处</numerusform>
            </translation>
        </message>
        <message>
            <source>Tag Them</source>
            <translation>全部标注</translation>
        </message>
        <message>
            <source>Tag:</source>
            <translation>标签：</translation>
        </message>
        <message numerus="yes">
            <source>%n hit(s) of “%1”</source>
            <translation>
                <numerusform>“%1”共 %n 处</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n article(s)</source>
            <translation>
                <numerusform>分布于 %n 篇文章</numerusform>
            </translation>
        </message>
        <message>
            <source>Every hit is tagged in one step; Undo takes them all back.</source>
            <translation>一步标注全部结果；撤销可一次全部收回。</translation>
        </message>
    </context>
    <context>
        <name>Codebook</name>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Uses</source>
            <translation>用次</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>快捷键</translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n 处标注</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with the tags under it</source>
            <translation>
                <numerusform>含下级标签共 %n 处</numerusform>
            </translation>
        </message>
        <message>
            <source>Key %1 applies it</source>
            <translation>按 %1 键即可应用</translation>
        </message>
    </context>
    <context>
        <name>CodebookPanel</name>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>New tag at the top level</source>
            <translation>在顶层新建标签</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>子标签</translation>
        </message>
        <message>
            <source>New tag under the chosen one</source>
            <translation>在选定标签下新建子标签</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>改名</translation>
        </message>
        <message>
            <source>Colour…</source>
            <translation>颜色…</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>The number key that applies this tag</source>
            <translation>应用此标签的数字键</translation>
        </message>
        <message>
            <source>Key %1</source>
            <translation>数字键 %1</translation>
        </message>
        <message>
            <source>No Key</source>
            <translation>不设快捷键</translation>
        </message>
        <message>
            <source>Merge…</source>
            <translation>合并…</translation>
        </message>
        <message>
            <source>Merge this tag into another: its annotations and children move there</source>
            <translation>把此标签并入另一标签：其标注和子标签一并移过去</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Apply to Selection</source>
            <translation>标注所选文字</translation>
        </message>
        <message>
            <source>Drag a tag onto another to move it under that one</source>
            <translation>把标签拖到另一个标签上，即可移到它下面</translation>
        </message>
        <message>
            <source>Memo…</source>
            <translation>备忘…</translation>
        </message>
        <message>
            <source>What this tag means and when to use it (shown over the tag)</source>
            <translation>这个标签的含义和用法（显示在标签的提示中）</translation>
        </message>
        <message>
            <source>Show Coded Passages</source>
            <translation>显示编码片段</translation>
        </message>
    </context>
    <context>
        <name>CorrectionBar</name>
        <message>
            <source>Correct:</source>
            <translation>校正：</translation>
        </message>
        <message>
            <source>The text as it should read</source>
            <translation>正确的文字</translation>
        </message>
        <message>
            <source>Reason (optional)</source>
            <translation>理由（可不填）</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>EditingDesk</name>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Structure</source>
            <translation>结构(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Apply Tag</source>
            <translation>应用标签(&amp;A)</translation>
        </message>
        <message>
            <source>Re&amp;view State</source>
            <translation>审读状态(&amp;V)</translation>
        </message>
        <message>
            <source>Block &amp;Role</source>
            <translation>段落类型(&amp;R)</translation>
        </message>
        <message>
            <source>Codebook</source>
            <translation>编码表</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>标注</translation>
        </message>
        <message>
            <source>Edit History</source>
            <translation>修改记录</translation>
        </message>
        <message>
            <source>Review and Notes</source>
            <translation>审读与备注</translation>
        </message>
        <message>
            <source>Cannot Revert</source>
            <translation>无法还原</translation>
        </message>
        <message>
            <source>Cannot Edit</source>
            <translation>无法修改</translation>
        </message>
        <message>
            <source>Cannot Change the Project</source>
            <translation>无法修改项目</translation>
        </message>
        <message>
            <source>Undo %1</source>
            <translation>撤销：%1</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo %1</source>
            <translation>重做：%1</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>Corrected by %1, %2</source>
            <translation>%1 校正于 %2</translation>
        </message>
        <message>
            <source>No tag has key %1</source>
            <translation>没有标签使用 %1 键</translation>
        </message>
        <message>
            <source>A correction stays inside one paragraph: select less, or join the paragraphs first</source>
            <translation>一次校正只能在一个段落之内：请少选一些，或先合并段落</translation>
        </message>
        <message>
            <source>Correct “%1” → “%2”</source>
            <translation>校正“%1”→“%2”</translation>
        </message>
        <message numerus="yes">
            <source>%n correction(s) in this article</source>
            <translation>
                <numerusform>本文共 %n 处校改</numerusform>
            </translation>
        </message>
        <message>
            <source>No corrections in this article</source>
            <translation>本文没有校改</translation>
        </message>
        <message>
            <source>This is the article's last block: there is nothing after it to join</source>
            <translation>这是本文最后一段，后面没有可合并的段落</translation>
        </message>
        <message>
            <source>Join paragraphs</source>
            <translation>合并段落</translation>
        </message>
        <message>
            <source>Put the cursor inside a paragraph, where the new one should start</source>
            <translation>请把光标放在段落中间、新段落开始的地方</translation>
        </message>
        <message>
            <source>Split paragraph</source>
            <translation>分段</translation>
        </message>
        <message>
            <source>Make block a %1</source>
            <translation>改为%1</translation>
        </message>
        <message>
            <source>Move last block to the next article</source>
            <translation>把最后一段移到下一篇</translation>
        </message>
        <message>
            <source>Move first block to the previous article</source>
            <translation>把第一段移到上一篇</translation>
        </message>
        <message>
            <source>Only the article's last block can move to the next article</source>
            <translation>只有本文最后一段才能移到下一篇文章</translation>
        </message>
        <message>
            <source>Only the article's first block can move to the previous article</source>
            <translation>只有本文第一段才能移到上一篇文章</translation>
        </message>
        <message>
            <source>The article already starts with this block</source>
            <translation>文章本来就从这一段开始</translation>
        </message>
        <message>
            <source>Split article</source>
            <translation>拆分文章</translation>
        </message>
        <message>
            <source>Merge with next article</source>
            <translation>与下一篇合并</translation>
        </message>
        <message>
            <source>Revert #%1</source>
            <translation>还原 #%1</translation>
        </message>
        <message>
            <source>Select the words to tag in the article first</source>
            <translation>请先在文章中选中要标注的文字</translation>
        </message>
        <message>
            <source>Tag “%1” as %2</source>
            <translation>把“%1”标为%2</translation>
        </message>
        <message>
            <source>Tagged as %1</source>
            <translation>已标为 %1</translation>
        </message>
        <message>
            <source>No tag has key %1: give one a key in the codebook</source>
            <translation>没有标签使用 %1 键：请在编码表中为标签指定快捷键</translation>
        </message>
        <message>
            <source>Choose a tag in the codebook first</source>
            <translation>请先在编码表中选定一个标签</translation>
        </message>
        <message>
            <source>No annotation here</source>
            <translation>此处没有标注</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n annotation(s)</source>
            <translation>
                <numerusform>删除 %n 处标注</numerusform>
            </translation>
        </message>
        <message>
            <source>Annotation Note</source>
            <translation>标注备注</translation>
        </message>
        <message>
            <source>Note on “%1”:</source>
            <translation>“%1”的备注：</translation>
        </message>
        <message>
            <source>Edit annotation note</source>
            <translation>编辑标注备注</translation>
        </message>
        <message>
            <source>Change Tag</source>
            <translation>更换标签</translation>
        </message>
        <message>
            <source>New tag:</source>
            <translation>新标签：</translation>
        </message>
        <message>
            <source>Change tag to %1</source>
            <translation>改标为 %1</translation>
        </message>
        <message>
            <source>This annotation belongs to another article</source>
            <translation>这条标注属于另一篇文章</translation>
        </message>
        <message>
            <source>Re-attach annotation</source>
            <translation>重新挂接标注</translation>
        </message>
        <message>
            <source>Search for something first (Ctrl+F): every hit of the search gets tagged</source>
            <translation>请先检索（Ctrl+F）：检索到的每一处都会被标注</translation>
        </message>
        <message>
            <source>The codebook is empty: add a tag first</source>
            <translation>编码表是空的：请先添加标签</translation>
        </message>
        <message>
            <source>Every hit already carries this tag</source>
            <translation>每一处结果都已带有此标签</translation>
        </message>
        <message numerus="yes">
            <source>Tag %n search hit(s)</source>
            <translation>
                <numerusform>标注 %n 处检索结果</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tagged %n passage(s)</source>
            <translation>
                <numerusform>已标注 %n 处</numerusform>
            </translation>
        </message>
        <message>
            <source>New Tag</source>
            <translation>新建标签</translation>
        </message>
        <message>
            <source>Name of the new tag:</source>
            <translation>新标签名称：</translation>
        </message>
        <message>
            <source>New tag %1</source>
            <translation>新建标签 %1</translation>
        </message>
        <message>
            <source>Rename tag to %1</source>
            <translation>标签改名为 %1</translation>
        </message>
        <message>
            <source>Colour of %1</source>
            <translation>%1 的颜色</translation>
        </message>
        <message>
            <source>Recolour tag %1</source>
            <translation>更改标签 %1 的颜色</translation>
        </message>
        <message>
            <source>Remove key of %1</source>
            <translation>取消 %1 的快捷键</translation>
        </message>
        <message>
            <source>Give key %1 to %2</source>
            <translation>把 %1 键给 %2</translation>
        </message>
        <message>
            <source>the top level</source>
            <translation>顶层</translation>
        </message>
        <message>
            <source>Move tag %1 to %2</source>
            <translation>把标签 %1 移到 %2</translation>
        </message>
        <message>
            <source>There is no other tag to merge it into</source>
            <translation>没有别的标签可以并入</translation>
        </message>
        <message>
            <source>Merge Tag</source>
            <translation>合并标签</translation>
        </message>
        <message>
            <source>Merge “%1” into (its annotations and children move there):</source>
            <translation>把“%1”并入（其标注和子标签一并移过去）：</translation>
        </message>
        <message>
            <source>Merge %1 into %2</source>
            <translation>把 %1 并入 %2</translation>
        </message>
        <message>
            <source>Delete the tag “%1”?</source>
            <translation>删除标签“%1”？</translation>
        </message>
        <message numerus="yes">
            <source>This removes %n tag(s)</source>
            <translation>
                <numerusform>这将删除 %n 个标签</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> and %n annotation(s).</source>
            <translation>
                <numerusform>及 %n 处标注。</numerusform>
            </translation>
        </message>
        <message>
            <source>Undo (Ctrl+Z) brings them back.</source>
            <translation>撤销（Ctrl+Z）可以恢复。</translation>
        </message>
        <message>
            <source>Delete Tag</source>
            <translation>删除标签</translation>
        </message>
        <message>
            <source>Delete tag %1</source>
            <translation>删除标签 %1</translation>
        </message>
        <message>
            <source>Mark as %1</source>
            <translation>标为%1</translation>
        </message>
        <message>
            <source>Note on the Article</source>
            <translation>文章备注</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>添加备注</translation>
        </message>
        <message>
            <source>Edit note</source>
            <translation>编辑备注</translation>
        </message>
        <message>
            <source>Delete note</source>
            <translation>删除备注</translation>
        </message>
        <message>
            <source>Tag &amp;As</source>
            <translation>标注为(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>Edit #%1 cannot be reverted: %2 changed the same text since. Revert those first.</source>
            <translation>无法还原 #%1：之后 %2 又改动了同一处文字。请先还原它们。</translation>
        </message>
        <message>
            <source>Revert edit #%1?</source>
            <translation>撤销修改 #%1？</translation>
        </message>
        <message>
            <source>The revert is a new entry of the history; Undo (Ctrl+Z) takes it back.</source>
            <translation>撤销会作为新的一条记入历史；按“撤消”（Ctrl+Z）可以收回。</translation>
        </message>
        <message>
            <source>Revert Edit</source>
            <translation>撤销修改</translation>
        </message>
        <message>
            <source>Revert #%1: %2</source>
            <translation>撤销 #%1：%2</translation>
        </message>
        <message>
            <source>Tag Memo</source>
            <translation>标签备忘</translation>
        </message>
        <message>
            <source>Memo for “%1”:</source>
            <translation>“%1”的备忘：</translation>
        </message>
        <message>
            <source>Edit memo of %1</source>
            <translation>编辑 %1 的备忘</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <source>jump line</source>
            <translation>转版提示</translation>
        </message>
        <message>
            <source>kicker</source>
            <translation>引题</translation>
        </message>
        <message>
            <source>title</source>
            <translation>主标题</translation>
        </message>
        <message>
            <source>subtitle</source>
            <translation>副题</translation>
        </message>
        <message>
            <source>byline</source>
            <translation>署名</translation>
        </message>
        <message>
            <source>paragraph</source>
            <translation>正文段落</translation>
        </message>
        <message>
            <source>subhead</source>
            <translation>小标题</translation>
        </message>
        <message>
            <source>caption</source>
            <translation>图片说明</translation>
        </message>
        <message>
            <source>Joined two paragraphs</source>
            <translation>合并了两段</translation>
        </message>
        <message>
            <source>Split a paragraph</source>
            <translation>拆分了一段</translation>
        </message>
        <message>
            <source>Moved a block to the previous article</source>
            <translation>把一段移到了上一篇</translation>
        </message>
        <message>
            <source>Moved a block to the next article</source>
            <translation>把一段移到了下一篇</translation>
        </message>
        <message>
            <source>Split the article</source>
            <translation>拆分了文章</translation>
        </message>
        <message>
            <source>Merged with the next article</source>
            <translation>与下一篇合并</translation>
        </message>
        <message>
            <source>Inserted %1</source>
            <translation>补入 %1</translation>
        </message>
        <message>
            <source>Deleted %1</source>
            <translation>删去 %1</translation>
        </message>
        <message>
            <source>Role: %1 → %2</source>
            <translation>段落类型：%1 → %2</translation>
        </message>
        <message>
            <source>Reverted #%1</source>
            <translation>还原了 #%1</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>修改人</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>修改内容</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Reverted by #%1</source>
            <translation>已被 #%1 还原</translation>
        </message>
        <message>
            <source>Changed the same text later: revert this first</source>
            <translation>之后又改动了同一处文字：请先还原这一条</translation>
        </message>
        <message>
            <source>Edits of This Article</source>
            <translation>本文的修改</translation>
        </message>
        <message>
            <source>Undo Stack</source>
            <translation>撤销栈</translation>
        </message>
        <message>
            <source>&lt;start of session&gt;</source>
            <translation>〈本次开始〉</translation>
        </message>
        <message>
            <source>Revert</source>
            <translation>还原</translation>
        </message>
        <message>
            <source>Undo this edit with a new entry (later edits are kept)</source>
            <translation>用一条新记录撤回这次修改（之后的修改保留）</translation>
        </message>
        <message numerus="yes">
            <source>%n edit(s)</source>
            <translation>
                <numerusform>共 %n 次修改</numerusform>
            </translation>
        </message>
        <message>
            <source>Restored: %1</source>
            <translation>已恢复：%1</translation>
        </message>
        <message>
            <source>Undone: %1</source>
            <translation>已撤销：%1</translation>
        </message>
    </context>
    <context>
        <name>NotesPanel</name>
        <message>
            <source>Unreviewed</source>
            <translation>未审读</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>审读中</translation>
        </message>
        <message>
            <source>Proofread</source>
            <translation>已校对</translation>
        </message>
        <message>
            <source>Review:</source>
            <translation>审读：</translation>
        </message>
        <message numerus="yes">
            <source>%n note(s) on this article</source>
            <translation>
                <numerusform>本文共 %n 条备注</numerusform>
            </translation>
        </message>
        <message>
            <source>Add Note…</source>
            <translation>添加备注…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>ExchangeDesk</name>
        <message>
            <source>&amp;Reports</source>
            <translation>报告(&amp;R)</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>报告</translation>
        </message>
        <message>
            <source>No Project</source>
            <translation>没有项目</translation>
        </message>
        <message>
            <source>Open or create a project first.</source>
            <translation>请先打开或新建一个项目。</translation>
        </message>
        <message>
            <source>Jiaokan JSONL exports (*.jsonl)</source>
            <translation>校勘 JSONL 导出文件 (*.jsonl)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Import Work</source>
            <translation>导入他人成果</translation>
        </message>
        <message>
            <source>Importing Work</source>
            <translation>正在导入成果</translation>
        </message>
        <message>
            <source>Merging the work of another project…</source>
            <translation>正在合并另一项目的成果…</translation>
        </message>
        <message>
            <source>Articles: %1 from %2 pages (%3 pages new here, %4 skipped)</source>
            <translation>文章：%1 篇，来自 %2 个版面（本项目新增 %3 个版面，跳过 %4 个）</translation>
        </message>
        <message>
            <source>Tags created: %1</source>
            <translation>新建标签：%1 个</translation>
        </message>
        <message>
            <source>Already in the codebook: %1</source>
            <translation>编码本中已有：%1 个</translation>
        </message>
        <message>
            <source>Name clashes among sibling codes, merged: %1</source>
            <translation>同级编码重名并合并：%1 处</translation>
        </message>
        <message>
            <source>Names changed: %1</source>
            <translation>名称已更改：%1 个</translation>
        </message>
        <message>
            <source>Codes marked not codable, imported as ordinary tags: %1</source>
            <translation>标为不可编码的编码，作为普通标签导入：%1 个</translation>
        </message>
        <message>
            <source>Code sets not imported (Jiaokan has no sets): %1</source>
            <translation>未导入的编码集（校勘没有编码集）：%1 个</translation>
        </message>
        <message>
            <source>Edits: %1 applied, %2 already here, %3 conflicts kept for review</source>
            <translation>编辑：应用 %1 项，已存在 %2 项，%3 项冲突待审</translation>
        </message>
        <message>
            <source>Passages: %1 added (%2 orphaned), %3 already here</source>
            <translation>段落标注：新增 %1 处（%2 处失去锚点），已存在 %3 处</translation>
        </message>
        <message>
            <source>Notes added: %1; review states advanced: %2; page attribute changes applied: %3</source>
            <translation>新增备注：%1 条；审阅状态推进：%2 项；应用版面属性修改：%3 项</translation>
        </message>
        <message>
            <source>Where both projects changed the same text differently, both versions are kept: list them with “jiaokan conflicts list”, then accept or reject each.</source>
            <translation>两个项目对同一处文字改法不同时，两种写法都会保留：用“jiaokan conflicts list”列出，再逐条采纳或拒绝。</translation>
        </message>
        <message>
            <source>Work Imported</source>
            <translation>成果已导入</translation>
        </message>
        <message>
            <source>Import Failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <source>REFI-QDA codebooks (*.qdc)</source>
            <translation>REFI-QDA 编码本 (*.qdc)</translation>
        </message>
        <message>
            <source>Import Codebook</source>
            <translation>导入编码本</translation>
        </message>
        <message>
            <source>Cannot Import Codebook</source>
            <translation>无法导入编码本</translation>
        </message>
        <message>
            <source>Codebook Imported</source>
            <translation>编码本已导入</translation>
        </message>
        <message>
            <source>Where both projects changed the same text, or a page's date, name or number, differently, both versions are kept: decide each in the Merge Conflicts panel (Ctrl+9).</source>
            <translation>两个项目对同一处文字，或同一版的日期、版名、版次作了不同修改的地方，两个版本都已保留：请在“合并冲突”面板（Ctrl+9）中逐一决定。</translation>
        </message>
    </context>
    <context>
        <name>ExportController</name>
        <message>
            <source>No Project</source>
            <translation>没有项目</translation>
        </message>
        <message>
            <source>Open or create a project first.</source>
            <translation>请先打开或新建一个项目。</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>正在导出</translation>
        </message>
        <message>
            <source>Exporting as %1…</source>
            <translation>正在导出为 %1…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was written.</source>
            <translation>导出已取消，没有写入任何文件。</translation>
        </message>
        <message>
            <source>Exported %1 article(s) with %2 passage(s) to %3.</source>
            <translation>已导出 %1 篇文章、%2 处标注到 %3。</translation>
        </message>
        <message>
            <source>Export Failed</source>
            <translation>导出失败</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>格式(&amp;F)：</translation>
        </message>
        <message>
            <source>Save &amp;to:</source>
            <translation>保存到(&amp;T)：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Only export…</source>
            <translation>只导出…</translation>
        </message>
        <message>
            <source>Sources:</source>
            <translation>版面：</translation>
        </message>
        <message>
            <source>Tags:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <source>Review states:</source>
            <translation>校对状态：</translation>
        </message>
        <message>
            <source>unreviewed</source>
            <translation>未校对</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>校对中</translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>已校对</translation>
        </message>
        <message>
            <source>Nothing ticked in a list means all of it. A ticked tag keeps only the articles with passages tagged with it (or a tag under it), and only those passages.</source>
            <translation>列表中什么都不勾选即表示全部。勾选标签后，只导出含有该标签（或其下级标签）标注的文章，也只导出这些标注。</translation>
        </message>
        <message>
            <source>Export to Folder</source>
            <translation>导出到文件夹</translation>
        </message>
        <message>
            <source>Choose where to save the export.</source>
            <translation>请选择导出文件的保存位置。</translation>
        </message>
        <message>
            <source>Jiaokan JSONL</source>
            <translation>校勘 JSONL</translation>
        </message>
        <message>
            <source>The project's work, one article per line: merges into another project</source>
            <translation>项目的全部成果，每行一篇文章；可合并进另一个项目</translation>
        </message>
        <message>
            <source>CSV (Excel)</source>
            <translation>CSV 表格（Excel）</translation>
        </message>
        <message>
            <source>One row per tagged passage with context, UTF-8 with BOM</source>
            <translation>每处标注一行，附上下文；UTF-8 编码（带 BOM）</translation>
        </message>
        <message>
            <source>REFI-QDA project</source>
            <translation>REFI-QDA 项目</translation>
        </message>
        <message>
            <source>Project for ATLAS.ti, MAXQDA, NVivo and other QDA tools</source>
            <translation>供 ATLAS.ti、MAXQDA、NVivo 等质性分析软件使用的项目</translation>
        </message>
        <message>
            <source>REFI-QDA codebook</source>
            <translation>REFI-QDA 编码本</translation>
        </message>
        <message>
            <source>The tags alone, for QDA tools</source>
            <translation>只含标签，供质性分析软件使用</translation>
        </message>
        <message>
            <source>W3C Web Annotation</source>
            <translation>W3C 网页标注</translation>
        </message>
        <message>
            <source>JSON-LD annotation collection (tags, notes, corrections)</source>
            <translation>JSON-LD 标注集（标签、备注、更正）</translation>
        </message>
        <message>
            <source>TEI P5 XML</source>
            <translation>TEI P5 XML</translation>
        </message>
        <message>
            <source>Corrected articles with tags, corrections and notes</source>
            <translation>校正后的文章，附标签、更正和备注</translation>
        </message>
        <message>
            <source>brat standoff</source>
            <translation>brat 外置标注</translation>
        </message>
        <message>
            <source>A folder of .txt/.ann pairs with annotation.conf</source>
            <translation>一个文件夹：成对的 .txt/.ann 文件及 annotation.conf</translation>
        </message>
        <message>
            <source>Markdown</source>
            <translation>Markdown</translation>
        </message>
        <message>
            <source>The corrected articles for reading</source>
            <translation>校正后的文章，供阅读</translation>
        </message>
        <message>
            <source>Plain text</source>
            <translation>纯文本</translation>
        </message>
    </context>
    <context>
        <name>ReportsPanel</name>
        <message>
            <source>proofread articles</source>
            <translation>已校对文章</translation>
        </message>
        <message>
            <source>engine paragraphs</source>
            <translation>引擎的段落</translation>
        </message>
        <message>
            <source>engine articles</source>
            <translation>引擎的文章</translation>
        </message>
        <message>
            <source>editor paragraphs</source>
            <translation>编辑的段落</translation>
        </message>
        <message>
            <source>Engine against the editors (proofread)</source>
            <translation>引擎与编辑对比（已校对）</translation>
        </message>
        <message>
            <source>Articles marked proofread, as the editors left them, against the engine's segmentation of the same text as imported: par_ws is paragraph F1 ignoring whitespace, art article F1, head and byline the share of headlines and credits reproduced (the measures of score.py). Both sides are read from the raw page, so corrected misprints do not count.</source>
            <translation>已校对的文章（编辑改定的结构）与引擎导入时对同一文本的切分相比：par_ws 为忽略空白的段落 F1，art 为文章 F1，head 与 byline 为标题和署名复现的比例（score.py 的指标）。两边都从原始版面读取，所以改正的错字不计。</translation>
        </message>
        <message>
            <source>Tag frequencies by source</source>
            <translation>标签频次（按版面）</translation>
        </message>
        <message>
            <source>Tag frequencies by month</source>
            <translation>标签频次（按月份）</translation>
        </message>
        <message>
            <source>Tag co-occurrence</source>
            <translation>标签共现</translation>
        </message>
        <message>
            <source>Proofreading progress</source>
            <translation>校对进度</translation>
        </message>
        <message>
            <source>Inter-coder agreement (kappa)</source>
            <translation>编码者间一致性（科恩 κ 系数）</translation>
        </message>
        <message>
            <source>Coders:</source>
            <translation>编码者：</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Save Table as CSV…</source>
            <translation>把表格存为 CSV…</translation>
        </message>
        <message>
            <source>Save Chart as PNG…</source>
            <translation>把图表存为 PNG…</translation>
        </message>
        <message>
            <source>Which report to show</source>
            <translation>要显示的报告</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>source</source>
            <translation>版面</translation>
        </message>
        <message>
            <source>articles</source>
            <translation>文章数</translation>
        </message>
        <message>
            <source>proofread %</source>
            <translation>已校对 %</translation>
        </message>
        <message>
            <source>corrections</source>
            <translation>更正数</translation>
        </message>
        <message>
            <source>passages</source>
            <translation>标注数</translation>
        </message>
        <message>
            <source>coder A</source>
            <translation>编码者 A</translation>
        </message>
        <message>
            <source>coder B</source>
            <translation>编码者 B</translation>
        </message>
        <message>
            <source>characters</source>
            <translation>字符数</translation>
        </message>
        <message>
            <source>both</source>
            <translation>两人都标</translation>
        </message>
        <message>
            <source>only A</source>
            <translation>仅 A 标</translation>
        </message>
        <message>
            <source>only B</source>
            <translation>仅 B 标</translation>
        </message>
        <message>
            <source>neither</source>
            <translation>都未标</translation>
        </message>
        <message>
            <source>agreement %</source>
            <translation>一致率 %</translation>
        </message>
        <message>
            <source>kappa</source>
            <translation>κ 系数</translation>
        </message>
        <message>
            <source>No project is open.</source>
            <translation>没有打开的项目。</translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>The report could not be computed.</source>
            <translation>无法生成报告。</translation>
        </message>
        <message>
            <source>Report Failed</source>
            <translation>报告生成失败</translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>已校对</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>校对中</translation>
        </message>
        <message>
            <source>unreviewed</source>
            <translation>未校对</translation>
        </message>
        <message>
            <source>Tagged passages (orphaned ones included).</source>
            <translation>标注的段落数（含失去原文位置的标注）。</translation>
        </message>
        <message>
            <source>Tagged passages (orphaned ones included). Month: the page's date from its file name or header, else the month it was imported (UTC).</source>
            <translation>标注的段落数（含失去原文位置的标注）。月份取自版面的文件名或报头日期，无日期的按导入月份（UTC）计。</translation>
        </message>
        <message>
            <source>Pairs of passages in the same article that overlap or share a paragraph; the diagonal counts such pairs with the same tag. Orphaned passages are left out.</source>
            <translation>同一篇文章中相互重叠或位于同一段落的两处标注记为一对；对角线为同一标签的此类标注对。失去原文位置的标注不计。</translation>
        </message>
        <message>
            <source>Corrections: text corrections in effect (not reverted).</source>
            <translation>更正：仍然有效（未撤回）的文字更正。</translation>
        </message>
        <message>
            <source>Per character of the articles both coders tagged (line breaks between paragraphs left out). Kappa is empty where it is undefined (both coders tagged all or none of the characters).</source>
            <translation>按两位编码者都标注过的文章逐字计算（段落之间的换行不计）。kappa 无定义时留空（两人都标注了全部字符或都未标注）。</translation>
        </message>
        <message>
            <source>Save Table as CSV</source>
            <translation>把表格存为 CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Save Chart as PNG</source>
            <translation>把图表存为 PNG</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Cannot Save</source>
            <translation>无法保存</translation>
        </message>
        <message>
            <source>The table could not be saved.</source>
            <translation>表格无法保存。</translation>
        </message>
        <message>
            <source>The chart could not be saved as %1.</source>
            <translation>图表无法保存为 %1。</translation>
        </message>
    </context>
    <context>
        <name>DoubtsDesk</name>
        <message>
            <source>The engine is unsure this article starts here (%1 sure).</source>
            <translation>引擎对文章从这里开始没有把握（把握 %1）。</translation>
        </message>
        <message>
            <source>The engine is unsure of this paragraph break (%1 sure).</source>
            <translation>引擎对这里分段没有把握（把握 %1）。</translation>
        </message>
        <message>
            <source>Round again:</source>
            <translation>从头再来：</translation>
        </message>
        <message>
            <source>No doubtful boundary at the cursor: F9 goes to the next one</source>
            <translation>光标处没有存疑分界：按 F9 转到下一处</translation>
        </message>
        <message>
            <source>No doubtful boundaries left: the engine was sure of the rest, or they are resolved</source>
            <translation>没有存疑分界了：其余的引擎有把握，或已经处理</translation>
        </message>
        <message>
            <source>Move the block to the previous article (Alt+Shift+↑), or say it looks right (Ctrl+Shift+L).</source>
            <translation>把此块移到上一篇文章（Alt+Shift+↑），或确认没有错（Ctrl+Shift+L）。</translation>
        </message>
        <message>
            <source>Marked as right; F9 goes to the next doubtful boundary</source>
            <translation>已确认没有错；按 F9 转到下一处存疑分界</translation>
        </message>
        <message>
            <source>Join the paragraphs (Ctrl+J), change a role, or say it looks right (Ctrl+Shift+L).</source>
            <translation>合并段落（Ctrl+J）、更改角色，或确认没有错（Ctrl+Shift+L）。</translation>
        </message>
        <message>
            <source>Boundary looks right</source>
            <translation>分界没有错</translation>
        </message>
        <message>
            <source>Boundaries in this article the engine was unsure of; F9 goes to the next</source>
            <translation>本文中引擎没有把握的分界；按 F9 转到下一处</translation>
        </message>
        <message numerus="yes">
            <source>%n doubtful boundaries · F9</source>
            <translation>
                <numerusform>%n 处存疑分界 · F9</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>第 %1 处，共 %2 处</translation>
        </message>
    </context>
    <context>
        <name>TypingEditor</name>
        <message>
            <source>To correct the text here, switch to the proofreading layout (F6) and type, or select the words and press F2</source>
            <translation>要在此处更正文字，请切换到校对布局（F6）后直接输入，或选中文字后按 F2</translation>
        </message>
        <message>
            <source>Composing: %1</source>
            <translation>正在输入：%1</translation>
        </message>
        <message>
            <source>Type “%1”</source>
            <translation>输入“%1”</translation>
        </message>
        <message>
            <source>That is a paragraph boundary: join the paragraphs with Ctrl+J</source>
            <translation>这里是段落边界：请用 Ctrl+J 合并段落</translation>
        </message>
        <message>
            <source>Delete “%1”</source>
            <translation>删除“%1”</translation>
        </message>
        <message>
            <source>Paste one paragraph at a time: a correction stays inside one paragraph</source>
            <translation>请一次粘贴一个段落：更正只能在一个段落之内</translation>
        </message>
        <message>
            <source>Paste “%1”</source>
            <translation>粘贴“%1”</translation>
        </message>
        <message>
            <source>A correction stays inside one paragraph: select less, or join the paragraphs first</source>
            <translation>更正只能在一个段落之内：请少选一些，或先合并段落</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>StoreErrors</name>
        <message>
            <source>The %1 #%2 no longer exists.</source>
            <translation>%1 #%2 已不存在。</translation>
        </message>
        <message>
            <source>A tag needs a name.</source>
            <translation>标签需要一个名称。</translation>
        </message>
        <message>
            <source>The tag name “%1” cannot contain “/”: it separates the levels of tag paths.</source>
            <translation>标签名称“%1”不能包含“/”：它用来分隔标签路径的层级。</translation>
        </message>
        <message>
            <source>The colour “%1” is not of the form #rrggbb.</source>
            <translation>颜色“%1”不是 #rrggbb 格式。</translation>
        </message>
        <message>
            <source>A tag named “%1” already exists there.</source>
            <translation>那里已有名为“%1”的标签。</translation>
        </message>
        <message>
            <source>A tag key is 1 to 9, not %1.</source>
            <translation>标签快捷键只能是 1 到 9，不能是 %1。</translation>
        </message>
        <message>
            <source>Key %1 already belongs to the tag “%2”.</source>
            <translation>快捷键 %1 已属于标签“%2”。</translation>
        </message>
        <message>
            <source>A tag cannot be merged into itself.</source>
            <translation>标签不能合并到自身。</translation>
        </message>
        <message>
            <source>A correction cannot contain a line break: split the paragraph instead.</source>
            <translation>更正不能包含换行：请改为拆分段落。</translation>
        </message>
        <message>
            <source>A correction must stay inside one paragraph: join the paragraphs first.</source>
            <translation>更正必须在一个段落之内：请先合并段落。</translation>
        </message>
        <message>
            <source>The correction changes nothing.</source>
            <translation>这次更正没有改变任何内容。</translation>
        </message>
        <message>
            <source>Characters %1–%2 are outside the article (it has %3).</source>
            <translation>第 %1–%2 个字符超出了文章范围（文章共 %3 个字符）。</translation>
        </message>
        <message>
            <source>The article's last block has nothing after it to join: merge the articles instead.</source>
            <translation>文章的最后一段后面没有可合并的段落：请改为合并文章。</translation>
        </message>
        <message>
            <source>The block already has this role.</source>
            <translation>这一段已经是这个角色。</translation>
        </message>
        <message>
            <source>Only the article's first block can move to the previous article.</source>
            <translation>只有文章的第一段可以移到上一篇文章。</translation>
        </message>
        <message>
            <source>Only the article's last block can move to the next article.</source>
            <translation>只有文章的最后一段可以移到下一篇文章。</translation>
        </message>
        <message>
            <source>This is the article's only block: merge the articles instead.</source>
            <translation>这是文章唯一的一段：请改为合并文章。</translation>
        </message>
        <message>
            <source>This is the first article of its page: there is no previous article.</source>
            <translation>这是本版的第一篇文章：没有上一篇。</translation>
        </message>
        <message>
            <source>This is the last article of its page: there is nothing to merge it with.</source>
            <translation>这是本版的最后一篇文章：没有可以合并的文章。</translation>
        </message>
        <message>
            <source>This is the last article of its page: there is no next article.</source>
            <translation>这是本版的最后一篇文章：没有下一篇。</translation>
        </message>
        <message>
            <source>The article already starts with this block.</source>
            <translation>文章已经从这一段开始。</translation>
        </message>
        <message>
            <source>Edit #%1 is already reverted (by #%2).</source>
            <translation>修改 #%1 已被撤销（由 #%2）。</translation>
        </message>
        <message>
            <source>The search is empty: type something to search for.</source>
            <translation>搜索内容为空：请输入要搜索的文字。</translation>
        </message>
        <message>
            <source>Invalid regular expression: %1</source>
            <translation>正则表达式无效：%1</translation>
        </message>
        <message>
            <source>The search is too long (%1 characters; at most %2).</source>
            <translation>搜索内容太长（%1 个字符；最多 %2 个）。</translation>
        </message>
        <message>
            <source>tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>page</source>
            <translation>版面</translation>
        </message>
        <message>
            <source>note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>block</source>
            <translation>段落</translation>
        </message>
        <message>
            <source>edit</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>annotation</source>
            <translation>标注</translation>
        </message>
        <message>
            <source>conflict</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>The project refused the change:</source>
            <translation>项目拒绝了这项更改：</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2.</source>
            <translation>无法读取 %1：%2。</translation>
        </message>
        <message>
            <source>%1, line %2: this is not JSON (%3).</source>
            <translation>%1 第 %2 行：不是 JSON（%3）。</translation>
        </message>
        <message>
            <source>%1, line %2: this is not UTF-8 text.</source>
            <translation>%1 第 %2 行：不是 UTF-8 文本。</translation>
        </message>
        <message>
            <source>%1, line %2: this is not an article of a Jiaokan JSONL export.</source>
            <translation>%1 第 %2 行：不是校勘 JSONL 导出文件中的文章。</translation>
        </message>
        <message>
            <source>%1, line %2: no format header: this is not a Jiaokan JSONL export.</source>
            <translation>%1 第 %2 行：没有格式标头，这不是校勘 JSONL 导出文件。</translation>
        </message>
        <message>
            <source>%1, line %2 cannot be used: %3</source>
            <translation>%1 第 %2 行无法使用：%3</translation>
        </message>
        <message>
            <source>Cannot write %1: the folder %2 does not exist.</source>
            <translation>无法写入 %1：文件夹 %2 不存在。</translation>
        </message>
        <message>
            <source>“%1” is not a date: write it as YYYY-MM-DD, e.g. 2025-10-01.</source>
            <translation>“%1”不是日期：请写成 年-月-日，如 2025-10-01。</translation>
        </message>
        <message>
            <source>“%1” is not a page number: give a whole number from 1 to %2.</source>
            <translation>“%1”不是版次：请填 1 到 %2 的整数。</translation>
        </message>
        <message>
            <source>A page name has at most %1 characters, not %2.</source>
            <translation>版名最多 %1 个字，现在是 %2 个。</translation>
        </message>
        <message>
            <source>start</source>
            <translation>起点</translation>
        </message>
        <message>
            <source>end</source>
            <translation>终点</translation>
        </message>
        <message>
            <source>The %1 of the date range, “%2”, is not a day, month or year: write 2025-10-01, 2025-10 or 2025.</source>
            <translation>日期范围的%1“%2”不是日、月或年：请写作 2025-10-01、2025-10 或 2025。</translation>
        </message>
        <message>
            <source>The date range is empty: it starts on %1, after its end %2.</source>
            <translation>日期范围为空：起点 %1 晚于终点 %2。</translation>
        </message>
        <message>
            <source>Conflict #%1: the page's value changed since the merge; set it by hand (Source Properties).</source>
            <translation>冲突 #%1：合并之后本版的这一属性又改过了；请手动设定（版面属性）。</translation>
        </message>
    </context>
    <context>
        <name>CodedPassages</name>
        <message>
            <source>Page</source>
            <translation>版面</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>片段</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>上下文</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Coder</source>
            <translation>编码者</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>unreviewed</source>
            <translation>未校对</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>校对中</translation>
        </message>
        <message>
            <source>proofread</source>
            <translation>已校对</translation>
        </message>
        <message>
            <source>Page name</source>
            <translation>版名</translation>
        </message>
        <message>
            <source>Page no.</source>
            <translation>版次</translation>
        </message>
    </context>
    <context>
        <name>CodedPassagesDesk</name>
        <message>
            <source>Coded Passages</source>
            <translation>编码片段</translation>
        </message>
    </context>
    <context>
        <name>CodedPassagesPanel</name>
        <message>
            <source>Tag:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <source>Page:</source>
            <translation>版面：</translation>
        </message>
        <message>
            <source>Coder:</source>
            <translation>编码者：</translation>
        </message>
        <message>
            <source>State:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>从：</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>with sub-tags</source>
            <translation>含子标签</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Save the passages listed here as a CSV table</source>
            <translation>把这里列出的片段保存为 CSV 表格</translation>
        </message>
        <message>
            <source>Pages dated from this day (the date of a page's name or running header)</source>
            <translation>从这一天起的版面（日期取自版面的文件名或页眉）</translation>
        </message>
        <message>
            <source>Pages dated up to this day</source>
            <translation>到这一天为止的版面</translation>
        </message>
        <message>
            <source>Double-click or press Enter to open the passage in the article</source>
            <translation>双击或按回车，在文章中打开这一段</translation>
        </message>
        <message>
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <source>all pages</source>
            <translation>所有版面</translation>
        </message>
        <message>
            <source>(no coder)</source>
            <translation>（无编码者）</translation>
        </message>
        <message>
            <source>anyone</source>
            <translation>任何人</translation>
        </message>
        <message numerus="yes">
            <source>%n passage(s)</source>
            <translation>
                <numerusform>%n 段</numerusform>
            </translation>
        </message>
        <message>
            <source>Export Coded Passages</source>
            <translation>导出编码片段</translation>
        </message>
        <message>
            <source>CSV tables (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>e.g. 2025-10-01</source>
            <translation>如 2025-10-01</translation>
        </message>
        <message>
            <source>(no page name)</source>
            <translation>（无版名）</translation>
        </message>
        <message>
            <source>Page name:</source>
            <translation>版名：</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDesk</name>
        <message>
            <source>Merge Conflicts</source>
            <translation>合并冲突</translation>
        </message>
        <message>
            <source>Accept “%1” (conflict #%2)</source>
            <translation>采用“%1”（冲突 #%2）</translation>
        </message>
        <message>
            <source>Keep ours (conflict #%2)</source>
            <translation>保留本方（冲突 #%2）</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <source>text</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>paragraphs</source>
            <translation>段落结构</translation>
        </message>
        <message>
            <source>revert</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>to decide</source>
            <translation>待决定</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>已采用</translation>
        </message>
        <message>
            <source>kept ours</source>
            <translation>保留本方</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>文章</translation>
        </message>
        <message>
            <source>Theirs by</source>
            <translation>对方作者</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Theirs (the imported project)</source>
            <translation>对方（导入的项目）</translation>
        </message>
        <message>
            <source>Ours (this project)</source>
            <translation>本方（本项目）</translation>
        </message>
        <message>
            <source>Raw text of the page</source>
            <translation>版面原始文本</translation>
        </message>
        <message>
            <source>Show decided</source>
            <translation>显示已决定的</translation>
        </message>
        <message>
            <source>Accept Theirs</source>
            <translation>采用对方</translation>
        </message>
        <message>
            <source>Apply the imported edit here (Ctrl+Z takes it back)</source>
            <translation>在这里应用导入的修改（Ctrl+Z 可收回）</translation>
        </message>
        <message>
            <source>Keep Ours</source>
            <translation>保留本方</translation>
        </message>
        <message>
            <source>Keep this project's text; the imported edit is set aside</source>
            <translation>保留本项目的文字；导入的修改被搁置</translation>
        </message>
        <message>
            <source>Show in Article</source>
            <translation>在文章中显示</translation>
        </message>
        <message>
            <source>No conflicts to decide</source>
            <translation>没有待决定的冲突</translation>
        </message>
        <message>
            <source>instead of “%1”</source>
            <translation>取代“%1”</translation>
        </message>
        <message>
            <source>page date</source>
            <translation>版面日期</translation>
        </message>
        <message>
            <source>page name</source>
            <translation>版名</translation>
        </message>
        <message>
            <source>page number</source>
            <translation>版次</translation>
        </message>
        <message>
            <source>Both projects changed the %1 of this page differently</source>
            <translation>双方都改了这一版的%1，且改法不同</translation>
        </message>
        <message>
            <source>The %1 of %2:</source>
            <translation>%2 的%1：</translation>
        </message>
        <message>
            <source>The page has no running header</source>
            <translation>此版没有报头</translation>
        </message>
    </context>
    <context>
        <name>LibraryPane</name>
        <message>
            <source>Filter pages: name, date, page…</source>
            <translation>筛选版面：名称、日期、版次…</translation>
        </message>
        <message>
            <source>Keep the pages whose file name or page name holds these words, whose date starts with one (2025-10) or whose page number it is (3, 第3版)</source>
            <translation>只列出文件名或版名含有这些词、日期以其开头（2025-10）或版次正是它（3、第3版）的版面</translation>
        </message>
    </context>
    <context>
        <name>SourceProperties</name>
        <message>
            <source>Change Source Properties</source>
            <translation>修改版面属性</translation>
        </message>
    </context>
    <context>
        <name>SourcePropertiesDialog</name>
        <message>
            <source>&amp;Date:</source>
            <translation>日期(&amp;D)：</translation>
        </message>
        <message>
            <source>Changes:</source>
            <translation>修改记录：</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Page &amp;name:</source>
            <translation>版名(&amp;N)：</translation>
        </message>
        <message>
            <source>Page n&amp;umber:</source>
            <translation>版次(&amp;U)：</translation>
        </message>
        <message>
            <source>Read from the page's file name and running header; not changed since.</source>
            <translation>取自这一版的文件名和报头，此后未曾修改。</translation>
        </message>
        <message>
            <source>Source Properties</source>
            <translation>版面属性</translation>
        </message>
        <message>
            <source>YYYY-MM-DD, e.g. 2025-10-01</source>
            <translation>年-月-日，如 2025-10-01</translation>
        </message>
        <message>
            <source>e.g. 3 (第3版)</source>
            <translation>如 3（第3版）</translation>
        </message>
        <message>
            <source>e.g. 要闻, 评论</source>
            <translation>如 要闻、评论</translation>
        </message>
    </context>
    <context>
        <name>PageFilterBar</name>
        <message>
            <source>&amp;Pages:</source>
            <translation>版面(&amp;P)：</translation>
        </message>
        <message>
            <source>all (name, number, date)</source>
            <translation>全部（版名、版次、日期）</translation>
        </message>
        <message>
            <source>Search only the pages each word matches: in the file or page name (要闻), the page number (3, 第3版), the start of the date (2025-10) — as in the library's filter</source>
            <translation>只检索每个词都符合的版面：文件名或版名含有它（要闻）、版次是它（3、第3版）、日期以它开头（2025-10）——与版面列表的筛选相同</translation>
        </message>
        <message>
            <source>&amp;Dated:</source>
            <translation>日期(&amp;D)：</translation>
        </message>
        <message>
            <source>from</source>
            <translation>从</translation>
        </message>
        <message>
            <source>Only pages dated on or after this day, month or year (2025-10-01, 2025-10, 2025)</source>
            <translation>只检索这一天、月或年及以后的版面（2025-10-01、2025-10、2025）</translation>
        </message>
        <message>
            <source>to</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Only pages dated on or before this day, month or year (to its last day)</source>
            <translation>只检索这一天、月或年及以前的版面（月或年算到最后一天）</translation>
        </message>
    </context>
</TS>
