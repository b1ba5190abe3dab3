<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Actions</name>
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
        <message>
            <source>%1 proofread</source>
            <translation>已校对 %1 篇</translation>
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
</TS>
