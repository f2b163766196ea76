<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>hexmap</name>
    <message>
        <source>Not an offset: type 1234, 0x4D2, +16, -16 or end-16</source>
        <translation>不是偏移:请输入 1234、0x4D2、+16、-16 或 end-16</translation>
    </message>
    <message>
        <source>Past the end of the file (%1 bytes)</source>
        <translation>超出文件末尾(%1 字节)</translation>
    </message>
    <message>
        <source>Before the start of the file</source>
        <translation>在文件开头之前</translation>
    </message>
    <message>
        <source>1234, 0x4D2, +16, -0x10, end-16</source>
        <translation>1234、0x4D2、+16、-0x10、end-16</translation>
    </message>
    <message>
        <source>%1: cannot create the cache directory</source>
        <translation>%1:无法创建缓存目录</translation>
    </message>
    <message>
        <source>Hexmap: a hex editor and visualizer for huge files.</source>
        <translation>Hexmap:面向超大文件的十六进制编辑器和可视化工具。</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>显示此帮助并退出。</translation>
    </message>
    <message>
        <source>Open the window at this size, e.g. 400x300 (for screenshots).</source>
        <translation>以此大小打开窗口，例如 400x300（用于截图）。</translation>
    </message>
    <message>
        <source>WIDTHxHEIGHT</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>--window-size: not a size like 400x300: %1</source>
        <translation>--window-size：不是形如 400x300 的大小：%1</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>显示版本并退出。</translation>
    </message>
    <message>
        <source>Create (once) and open a 256 MiB demo file in the cache directory.</source>
        <translation>在缓存目录中创建(仅一次)并打开一个 256 MiB 的演示文件。</translation>
    </message>
    <message>
        <source>Save a PNG of the window once painted, then quit.</source>
        <translation>窗口绘制完成后保存其 PNG 截图,然后退出。</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Print the time to the first painted frame and the peak RSS, then quit.</source>
        <translation>打印到首帧绘制的时间和峰值 RSS,然后退出。</translation>
    </message>
    <message>
        <source>Print every menu action with its shortcut (tab separated), then quit.</source>
        <translation>打印每个菜单操作及其快捷键(以制表符分隔),然后退出。</translation>
    </message>
    <message>
        <source>Open the demo file, run a 4-worker pattern job over it, save a PNG of the window half way, then cancel, restore the demo file and quit.</source>
        <translation>打开演示文件,在其上运行一个 4 线程的模式任务,进行到一半时保存窗口的 PNG 截图,然后取消任务、恢复演示文件并退出。</translation>
    </message>
    <message>
        <source>The files to open (read-only), one tab each.</source>
        <translation>要打开的文件(只读),每个文件一个标签页。</translation>
    </message>
    <message>
        <source>give files, or --demo (see --help)</source>
        <translation>请给出文件,或使用 --demo(参见 --help)</translation>
    </message>
</context>
<context>
    <name>hexmap::AnalysisFeature</name>
    <message>
        <source>&amp;Checksums</source>
        <translation>校验和(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Information</source>
        <translation>信息(&amp;I)</translation>
    </message>
</context>
<context>
    <name>hexmap::Bookmarks</name>
    <message>
        <source>Bookmarks are kept for this session only: %1 %2.</source>
        <translation>书签仅在本次会话中保留:%1 %2。</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Sky blue</source>
        <translation>天蓝色</translation>
    </message>
    <message>
        <source>Bluish green</source>
        <translation>蓝绿色</translation>
    </message>
    <message>
        <source>Reddish purple</source>
        <translation>紫红色</translation>
    </message>
    <message>
        <source>Vermilion</source>
        <translation>朱红色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
</context>
<context>
    <name>hexmap::BookmarksDock</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Offset 0x%1 (%2)</source>
        <translation>偏移 0x%1(%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>&amp;Go to Bookmark</source>
        <translation>转到书签(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
</context>
<context>
    <name>hexmap::BookmarksSupport</name>
    <message>
        <source>Toggle &amp;Bookmark</source>
        <translation>切换书签(&amp;B)</translation>
    </message>
    <message>
        <source>An inserted byte cannot be bookmarked before it is saved (File &gt; Save)</source>
        <translation>插入的字节在保存之前不能添加书签（文件 &gt; 保存）</translation>
    </message>
</context>
<context>
    <name>hexmap::ChecksumsDock</name>
    <message>
        <source>Checksums</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>选区</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>复制值</translation>
    </message>
    <message>
        <source>Paste an expected value to verify</source>
        <translation>粘贴要校验的预期值</translation>
    </message>
    <message>
        <source>%1 of %2 at %3/s</source>
        <translation>%1 / %2,速度 %3/s</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>没有打开的文件。</translation>
    </message>
    <message>
        <source>Choose at least one algorithm.</source>
        <translation>请至少选择一种算法。</translation>
    </message>
    <message>
        <source>Select some bytes first, or choose Whole file.</source>
        <translation>请先选择一些字节,或选择“整个文件”。</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件:%1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 bytes from 0x%2%3</source>
        <translation>从 0x%2 起的 %1 字节%3</translation>
    </message>
    <message>
        <source>, unsaved edits included</source>
        <translation>,包含未保存的修改</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败:%1</translation>
    </message>
    <message>
        <source>%1 copied.</source>
        <translation>已复制 %1 值。</translation>
    </message>
</context>
<context>
    <name>hexmap::ChecksumsModel</name>
    <message>
        <source>Paste an expected value to verify it.</source>
        <translation>粘贴预期值以进行校验。</translation>
    </message>
    <message>
        <source>Not a hexadecimal value: only 0-9 and A-F (spaces, colons and case are ignored).</source>
        <translation>不是十六进制值:只能包含 0-9 和 A-F(空格、冒号和大小写会被忽略)。</translation>
    </message>
    <message>
        <source>Compute the checksums first.</source>
        <translation>请先计算校验和。</translation>
    </message>
    <message>
        <source>✔ Match: the %1 is the expected value.</source>
        <translation>✔ 匹配:%1 与预期值一致。</translation>
    </message>
    <message>
        <source>✘ Mismatch: no computed checksum has %1 hex digits.</source>
        <translation>✘ 不匹配:已计算的校验和中没有 %1 位十六进制数字的值。</translation>
    </message>
    <message>
        <source>✘ Mismatch: differs from the %1.</source>
        <translation>✘ 不匹配:与 %1 不同。</translation>
    </message>
</context>
<context>
    <name>hexmap::CloseGuardModel</name>
    <message>
        <source>Quit While a Job Runs?</source>
        <translation>任务运行时退出?</translation>
    </message>
    <message>
        <source>Close While a Job Runs?</source>
        <translation>任务运行时关闭?</translation>
    </message>
    <message>
        <source>Open Another File While a Job Runs?</source>
        <translation>任务运行时打开另一个文件?</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1 (%2), %3 % done</source>
        <translation>%1(%2),已完成 %3 %</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>A fill of %1 is still running:</source>
        <translation>%1 的填充仍在运行:</translation>
    </message>
    <message>
        <source>Zeroing of %1 is still running:</source>
        <translation>%1 的清零仍在运行:</translation>
    </message>
    <message>
        <source>A pattern fill of %1 is still running:</source>
        <translation>%1 的模式填充仍在运行:</translation>
    </message>
    <message>
        <source>A flush of %1 is still running:</source>
        <translation>%1 的刷新仍在运行:</translation>
    </message>
    <message>
        <source>A sync of %1 is still running:</source>
        <translation>%1 的同步仍在运行:</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs are still running on %1:</source>
        <translation>
            <numerusform>%1 上仍有 %n 个任务正在运行:</numerusform>
        </translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Cancelling stops the job within one chunk and leaves the file part written: the bytes it has not reached keep their old values.</source>
        <translation>取消会在一个块之内停止任务,文件将处于部分写入状态:任务尚未处理到的字节保留原值。</translation>
    </message>
    <message>
        <source>Cancelling stops the jobs within one chunk and leaves the file part written: the bytes they have not reached keep their old values.</source>
        <translation>取消会在一个块之内停止这些任务,文件将处于部分写入状态:任务尚未处理到的字节保留原值。</translation>
    </message>
    <message>
        <source>Cancelling stops the job: the bytes it has not synced yet are not durable (a crash could lose them).</source>
        <translation>取消会停止任务:其尚未同步的字节未持久化(崩溃可能使其丢失)。</translation>
    </message>
    <message>
        <source>Cancelling stops the jobs: the bytes they have not synced yet are not durable (a crash could lose them).</source>
        <translation>取消会停止这些任务:它们尚未同步的字节未持久化(崩溃可能使其丢失)。</translation>
    </message>
    <message>
        <source>Waiting keeps the window open and quits as soon as every job has ended well.</source>
        <translation>等待会保持窗口打开,并在所有任务顺利结束后立即退出。</translation>
    </message>
    <message>
        <source>Waiting closes the file as soon as every job has ended well.</source>
        <translation>等待会在所有任务顺利结束后立即关闭文件。</translation>
    </message>
    <message>
        <source>Waiting opens the other file as soon as every job has ended well.</source>
        <translation>等待会在所有任务顺利结束后立即打开另一个文件。</translation>
    </message>
    <message>
        <source>The file also has %1 of unsaved edits: you will be asked about them next.</source>
        <translation>该文件还有 %1 未保存的修改:接下来会询问您如何处理。</translation>
    </message>
    <message>
        <source>&amp;Cancel Job and Quit</source>
        <translation>取消任务并退出(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Cancel Job and Close</source>
        <translation>取消任务并关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Cancel Job and Open</source>
        <translation>取消任务并打开(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit When Done</source>
        <translation>完成后退出(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;lose When Done</source>
        <translation>完成后关闭(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open When Done</source>
        <translation>完成后打开(&amp;O)</translation>
    </message>
    <message>
        <source>Hexmap quits when the jobs on “%1” have ended (quit again to change that)</source>
        <translation>“%1”上的任务结束后 Hexmap 将退出(再次退出可更改此决定)</translation>
    </message>
    <message>
        <source>“%1” closes when its jobs have ended (close again to change that)</source>
        <translation>“%1”将在其任务结束后关闭(再次关闭可更改此决定)</translation>
    </message>
    <message>
        <source>“%1” opens when the jobs on “%2” have ended</source>
        <translation>“%2”上的任务结束后将打开“%1”</translation>
    </message>
    <message>
        <source>Every job on “%1” has ended.</source>
        <translation>“%1”上的所有任务均已结束。</translation>
    </message>
    <message>
        <source>A job on “%1” failed or was cancelled: the close was called off so that you can see what happened</source>
        <translation>“%1”上的某个任务失败或已被取消:已中止关闭,以便您查看发生了什么</translation>
    </message>
    <message>
        <source>&amp;Keep Open</source>
        <translation>保持打开(&amp;K)</translation>
    </message>
    <message>
        <source>Nothing is left to cancel or to wait for.</source>
        <translation>已没有需要取消或等待的任务。</translation>
    </message>
</context>
<context>
    <name>hexmap::CompareFeature</name>
    <message>
        <source>Compare &amp;With…</source>
        <translation>比较(&amp;W)…</translation>
    </message>
    <message>
        <source>Compare this file with another file or open tab, side by side</source>
        <translation>将此文件与另一个文件或已打开的标签页并排比较</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Compare %1 with:</source>
        <translation>将 %1 与以下比较:</translation>
    </message>
    <message>
        <source>Compare %1 With</source>
        <translation>比较 %1 与</translation>
    </message>
</context>
<context>
    <name>hexmap::ComparePane</name>
    <message>
        <source>%1: %2 (%3 bytes, with %4 unsaved edited bytes of its tab)</source>
        <translation>%1:%2(%3 字节,含其标签页中 %4 个未保存的已编辑字节)</translation>
    </message>
    <message>
        <source>%1: %2 (%3 bytes)</source>
        <translation>%1:%2(%3 字节)</translation>
    </message>
</context>
<context>
    <name>hexmap::CompareRunsModel</name>
    <message>
        <source>Offset A</source>
        <translation>A 偏移</translation>
    </message>
    <message>
        <source>Offset B</source>
        <translation>B 偏移</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Bytes A</source>
        <translation>A 字节</translation>
    </message>
    <message>
        <source>Bytes B</source>
        <translation>B 字节</translation>
    </message>
</context>
<context>
    <name>hexmap::CompareWindow</name>
    <message>
        <source>the maps show the %1 differences found before</source>
        <translation>概览图显示之前找到的 %1 处差异</translation>
    </message>
    <message>
        <source>Cannot compare: %1</source>
        <translation>无法比较:%1</translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation>比较 %1 与 %2</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Offset in A where the compare starts (decimal, 0x hex, K/M/G suffixes)</source>
        <translation>A 中开始比较的偏移(十进制、0x 十六进制、K/M/G 后缀)</translation>
    </message>
    <message>
        <source>Offset in B compared with A&apos;s start: shift one side to re-align inserted data</source>
        <translation>B 中与 A 的起点对应的偏移:移动一侧以重新对齐插入的数据</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Start in A:</source>
        <translation>A 起点:</translation>
    </message>
    <message>
        <source>Start in B:</source>
        <translation>B 起点:</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Next Difference</source>
        <translation>下一处差异</translation>
    </message>
    <message>
        <source>Previous Difference</source>
        <translation>上一处差异</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>Bad start offset: %1</source>
        <translation>起点偏移无效:%1</translation>
    </message>
    <message>
        <source>Comparing… %1 of %2 MiB</source>
        <translation>正在比较… %1 / %2 MiB</translation>
    </message>
    <message>
        <source>Compare cancelled</source>
        <translation>比较已取消</translation>
    </message>
    <message>
        <source>Compare failed: %1</source>
        <translation>比较失败:%1</translation>
    </message>
    <message>
        <source>The same file: equal</source>
        <translation>同一个文件:相同</translation>
    </message>
    <message>
        <source>Equal: %1 bytes compared</source>
        <translation>相同:已比较 %1 字节</translation>
    </message>
    <message>
        <source>Differences: %1 (%2 bytes) in %3 bytes compared</source>
        <translation>差异:%1 处(%2 字节),已比较 %3 字节</translation>
    </message>
    <message>
        <source>the sizes differ: A has %1 bytes from %2, B has %3 from %4</source>
        <translation>大小不同:A 从 %2 起有 %1 字节,B 从 %4 起有 %3 字节</translation>
    </message>
    <message>
        <source>stopped after %1 differences</source>
        <translation>在 %1 处差异后停止</translation>
    </message>
</context>
<context>
    <name>hexmap::DeleteRangeDialog</name>
    <message>
        <source>Delete Range</source>
        <translation>删除范围</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Offset (file size: %1):</source>
        <translation>偏移(&amp;O)(文件大小:%1):</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>长度(&amp;L):</translation>
    </message>
</context>
<context>
    <name>hexmap::DeleteRangeModel</name>
    <message>
        <source>Offset %1 is past the end of the file (%2).</source>
        <translation>偏移 %1 超出了文件末尾(%2)。</translation>
    </message>
    <message>
        <source>Offset “%1” is not a number (e.g. 0x1000, 4096, -16).</source>
        <translation>偏移“%1”不是数字(例如 0x1000、4096、-16)。</translation>
    </message>
    <message>
        <source>Length “%1” is not a size (e.g. 16, 0x1000, 4K).</source>
        <translation>长度“%1”不是有效大小(例如 16、0x1000、4K)。</translation>
    </message>
    <message>
        <source>Length %1 is zero: nothing to delete.</source>
        <translation>长度 %1 为零:没有可删除的内容。</translation>
    </message>
    <message>
        <source>%1 at %2 passes the end of the file (%3).</source>
        <translation>从 %2 开始的 %1 超出了文件末尾(%3)。</translation>
    </message>
</context>
<context>
    <name>hexmap::DemoJobShot</name>
    <message>
        <source>the job did not reach half way within 60 s</source>
        <translation>任务未能在 60 秒内进行到一半</translation>
    </message>
    <message>
        <source>%1: the job could not start: %2</source>
        <translation>%1:任务无法启动:%2</translation>
    </message>
    <message>
        <source>%1: cannot write the screenshot</source>
        <translation>%1:无法写入截图</translation>
    </message>
    <message>
        <source>%1: cannot restore the demo file: %2</source>
        <translation>%1:无法恢复演示文件:%2</translation>
    </message>
</context>
<context>
    <name>hexmap::DesktopSupport</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>hexmap::DeviceEditWarningModel</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1(%2 字节)</translation>
    </message>
    <message>
        <source>Device in Use</source>
        <translation>设备正在使用</translation>
    </message>
    <message>
        <source>Write to a Device?</source>
        <translation>写入设备?</translation>
    </message>
    <message>
        <source>Enable Editing of a Device?</source>
        <translation>启用设备编辑?</translation>
    </message>
    <message>
        <source>Enable editing of the block device %1?</source>
        <translation>启用块设备 %1 的编辑?</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1(%2,%3)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>设备:%1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>型号:%1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>大小:%1</translation>
    </message>
    <message>
        <source>Sectors: %1 bytes logical, %2 bytes physical</source>
        <translation>扇区:逻辑 %1 字节,物理 %2 字节</translation>
    </message>
    <message>
        <source>%1 is not mounted and not held by another device.</source>
        <translation>%1 未挂载,也未被其他设备占用。</translation>
    </message>
    <message>
        <source>Neither %1 nor any of its partitions is mounted or held by another device.</source>
        <translation>%1 及其任何分区均未挂载,也未被其他设备占用。</translation>
    </message>
    <message>
        <source>%1 is in use: %2.</source>
        <translation>%1 正在使用:%2。</translation>
    </message>
    <message>
        <source>Writing to a device that is mounted or in use can destroy its file system and the data of the programs using it. Unmount it first. Hexmap refuses unless you confirm below.</source>
        <translation>写入已挂载或正在使用的设备可能破坏其文件系统以及正在使用它的程序的数据。请先卸载它。除非您在下方确认,否则 Hexmap 会拒绝写入。</translation>
    </message>
    <message>
        <source>The job writes straight to the device and cannot be undone.</source>
        <translation>该任务直接写入设备,无法撤销。</translation>
    </message>
    <message>
        <source>Saved edits and jobs write straight to the device. A wrong byte can make the disk or its file systems unreadable.</source>
        <translation>保存的编辑和任务会直接写入设备。一个错误的字节就可能使磁盘或其文件系统无法读取。</translation>
    </message>
    <message>
        <source>I understand that writing to a mounted device can destroy the file system</source>
        <translation>我明白写入已挂载的设备可能破坏文件系统</translation>
    </message>
    <message>
        <source>Overwrite &amp;Anyway</source>
        <translation>仍然覆盖(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>Edit &amp;Anyway</source>
        <translation>仍然编辑(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Enable Editing</source>
        <translation>启用编辑(&amp;E)</translation>
    </message>
    <message>
        <source>mounted at %1</source>
        <translation>挂载于 %1</translation>
    </message>
    <message>
        <source>mounted at %1 (%2)</source>
        <translation>挂载于 %1(%2)</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>被 %1 占用</translation>
    </message>
    <message>
        <source>held by %1 (%2)</source>
        <translation>被 %1 占用(%2)</translation>
    </message>
</context>
<context>
    <name>hexmap::DeviceListModel</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>held by %1</source>
        <translation>被 %1 占用</translation>
    </message>
    <message>
        <source>No block devices found</source>
        <translation>未找到块设备</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <translation>%1(在 %2 上)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Removable</source>
        <translation>可移动</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Mounted / in use</source>
        <translation>挂载/占用</translation>
    </message>
</context>
<context>
    <name>hexmap::DeviceSupport</name>
    <message>
        <source>Open &amp;Device…</source>
        <translation>打开设备(&amp;D)…</translation>
    </message>
    <message>
        <source>Open a disk, a partition or a loop device read-only</source>
        <translation>以只读方式打开磁盘、分区或回环设备</translation>
    </message>
    <message>
        <source>Cannot Open Device</source>
        <translation>无法打开设备</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>无法打开 %1。</translation>
    </message>
</context>
<context>
    <name>hexmap::DocumentPane</name>
    <message>
        <source>Drag to change the overview map&apos;s width</source>
        <translation>拖动以改变概览图的宽度</translation>
    </message>
</context>
<context>
    <name>hexmap::DocumentPartitions</name>
    <message>
        <source>Partition %1 (%2), %3</source>
        <translation>分区 %1(%2),%3</translation>
    </message>
    <message>
        <source>Partition %1: %2 (%3), %4</source>
        <translation>分区 %1:%2(%3),%4</translation>
    </message>
</context>
<context>
    <name>hexmap::DocumentTabs</name>
    <message>
        <source>(no file)</source>
        <translation>(无文件)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1(%2%)</translation>
    </message>
    <message>
        <source>%1 (device)</source>
        <translation>%1(设备)</translation>
    </message>
</context>
<context>
    <name>hexmap::EditCommand</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Type %n byte(s)</source>
        <translation>键入 %n 个字节</translation>
    </message>
    <message>
        <source>Paste %n byte(s)</source>
        <translation>粘贴 %n 个字节</translation>
    </message>
    <message>
        <source>Fill %n byte(s)</source>
        <translation>填充 %n 个字节</translation>
    </message>
    <message>
        <source>Edit value (%n byte(s))</source>
        <translation>编辑数值（%n 个字节）</translation>
    </message>
    <message>
        <source>Insert %n byte(s)</source>
        <translation>插入 %n 个字节</translation>
    </message>
    <message>
        <source>Delete %n byte(s)</source>
        <translation>删除 %n 个字节</translation>
    </message>
    <message>
        <source>Cut %n byte(s)</source>
        <translation>剪切 %n 个字节</translation>
    </message>
    <message>
        <source>Revert unsaved edits</source>
        <translation>还原未保存的编辑</translation>
    </message>
    <message>
        <source>Unsaved edits kept after reload</source>
        <translation>重新加载后保留的未保存编辑</translation>
    </message>
</context>
<context>
    <name>hexmap::EditController</name>
    <message>
        <source>Type hex digits (0-9, A-F) in the hex column</source>
        <translation>请在十六进制列中输入十六进制数字(0-9、A-F)</translation>
    </message>
    <message>
        <source>The clipboard is empty</source>
        <translation>剪贴板为空</translation>
    </message>
</context>
<context>
    <name>hexmap::EditSession</name>
    <message>
        <source>No file is open</source>
        <translation>没有打开的文件</translation>
    </message>
    <message>
        <source>Cannot enable editing: %1</source>
        <translation>无法启用编辑:%1</translation>
    </message>
    <message>
        <source>Save or revert the unsaved edits before turning editing off</source>
        <translation>关闭编辑前,请先保存或还原未保存的修改</translation>
    </message>
    <message>
        <source>The file is read-only: use Edit &gt; Enable Editing to change bytes</source>
        <translation>文件为只读:请使用“编辑 &gt; 启用编辑”来修改字节</translation>
    </message>
    <message>
        <source>Nothing to paste</source>
        <translation>没有可粘贴的内容</translation>
    </message>
    <message>
        <source>Cannot paste %1: pasting is limited to %2</source>
        <translation>无法粘贴 %1:粘贴上限为 %2</translation>
    </message>
    <message>
        <source>Pasted %1</source>
        <translation>已粘贴 %1</translation>
    </message>
    <message>
        <source>Select the bytes to fill first</source>
        <translation>请先选择要填充的字节</translation>
    </message>
    <message>
        <source>The selection (%1) is larger than %2: use Edit &gt; Fill… to fill it as a background job</source>
        <translation>选区(%1)大于 %2:请使用“编辑 &gt; 填充…”作为后台任务填充</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 in %n range(s)</source>
        <translation>
            <numerusform>已保存 %1,共 %n 个区间</numerusform>
        </translation>
    </message>
    <message>
        <source>A device has a fixed size: bytes can only be overwritten</source>
        <translation>设备的大小是固定的：只能改写字节</translation>
    </message>
    <message>
        <source>A device has a fixed size: bytes cannot be inserted or deleted</source>
        <translation>设备的大小是固定的：不能插入或删除字节</translation>
    </message>
    <message>
        <source>Cannot write past the end of the document</source>
        <translation>不能写到文档末尾之后</translation>
    </message>
    <message>
        <source>Cannot write past the end of the document in overwrite mode: press Insert to add bytes</source>
        <translation>改写模式下不能写到文档末尾之后：按 Insert 键以添加字节</translation>
    </message>
    <message>
        <source>Cannot insert: %1</source>
        <translation>无法插入：%1</translation>
    </message>
    <message>
        <source>Nothing to delete</source>
        <translation>没有可删除的内容</translation>
    </message>
    <message>
        <source>Nothing to delete at the end of the document</source>
        <translation>文档末尾没有可删除的内容</translation>
    </message>
    <message>
        <source>Cannot delete: %1</source>
        <translation>无法删除：%1</translation>
    </message>
    <message>
        <source>Cannot paste past the end of the document</source>
        <translation>不能粘贴到文档末尾之后</translation>
    </message>
    <message>
        <source>Cannot paste: %1</source>
        <translation>无法粘贴：%1</translation>
    </message>
    <message>
        <source>Cannot paste at the end of the document in overwrite mode: press Insert to add bytes</source>
        <translation>改写模式下不能在文档末尾粘贴：按 Insert 键以添加字节</translation>
    </message>
    <message>
        <source>Pasted %1 of %2 bytes: the document ends there (overwrite mode never grows it)</source>
        <translation>已粘贴 %2 个字节中的 %1 个：文档在此结束（改写模式不会使其变大）</translation>
    </message>
    <message>
        <source>End of the document: press Insert to add bytes (overwrite mode)</source>
        <translation>文档末尾：按 Insert 键以添加字节（改写模式）</translation>
    </message>
</context>
<context>
    <name>hexmap::EditingSupport</name>
    <message>
        <source>Enable &amp;Editing</source>
        <translation>启用编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Reopen the file read-write so that bytes can be overwritten (Ctrl+E)</source>
        <translation>以读写方式重新打开文件,以便覆盖字节(Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;vert Unsaved Edits</source>
        <translation>还原未保存的修改(&amp;V)</translation>
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
        <source>Fill Selection with &amp;Byte…</source>
        <translation>用字节填充选区(&amp;B)…</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>%1 has %2 of unsaved edits. Save them?</source>
        <translation>%1 有 %2 未保存的修改。是否保存?</translation>
    </message>
    <message>
        <source>Fill Selection</source>
        <translation>填充选区</translation>
    </message>
    <message>
        <source>Byte value for %1 (hex, e.g. 00 or FF):</source>
        <translation>%1 的字节值(十六进制,例如 00 或 FF):</translation>
    </message>
    <message>
        <source>Not a byte value: %1</source>
        <translation>不是字节值:%1</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>1 range</source>
        <translation>1 个区间</translation>
    </message>
    <message>
        <source>%1 ranges</source>
        <translation>%1 个区间</translation>
    </message>
    <message>
        <source>Revert Unsaved Edits?</source>
        <translation>还原未保存的修改?</translation>
    </message>
    <message>
        <source>Discard %1 of unsaved edits in %2 of “%3”?</source>
        <translation>放弃“%3”中 %2 共 %1 的未保存修改?</translation>
    </message>
    <message>
        <source>The file on disk is not changed. Edit &gt; Undo brings the edits back.</source>
        <translation>磁盘上的文件不会改变。使用“编辑 &gt; 撤销”可恢复这些修改。</translation>
    </message>
    <message>
        <source>&amp;Discard Edits</source>
        <translation>放弃修改(&amp;D)</translation>
    </message>
    <message>
        <source>Reverted %1 in %2; Edit &gt; Undo brings them back</source>
        <translation>已还原 %2 共 %1;使用“编辑 &gt; 撤销”可恢复</translation>
    </message>
    <message>
        <source>Editing not enabled: %1 stays read-only</source>
        <translation>未启用编辑:%1 保持只读</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
</context>
<context>
    <name>hexmap::EntropyColors</name>
    <message>
        <source>Entropy map: red = high entropy (compressed / encrypted), blue = text, amber = other data (brighter = higher entropy), dark = zeros, light grey = 0xFF (erased flash)</source>
        <translation>熵图:红色 = 高熵(压缩 / 加密),蓝色 = 文本,琥珀色 = 其他数据(越亮熵越高),深色 = 零,浅灰色 = 0xFF(已擦除的闪存)</translation>
    </message>
</context>
<context>
    <name>hexmap::EntropyPlot</name>
    <message>
        <source>0x%1: %2 bits per byte (%3)
Click to go there</source>
        <translation>0x%1:每字节 %2 位(%3)
点击跳转到此处</translation>
    </message>
</context>
<context>
    <name>hexmap::FileChangeBanner</name>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Close File</source>
        <translation>关闭文件</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>关闭提示(&amp;D)</translation>
    </message>
</context>
<context>
    <name>hexmap::FileChangeSupport</name>
    <message>
        <source>%1 was truncated on disk to %2 bytes</source>
        <translation>%1 在磁盘上被截断为 %2 字节</translation>
    </message>
    <message>
        <source>%1 changed on disk</source>
        <translation>%1 在磁盘上已更改</translation>
    </message>
    <message>
        <source>Cannot reload: %1</source>
        <translation>无法重新加载:%1</translation>
    </message>
    <message>
        <source>Reloaded %1 (%2 bytes)</source>
        <translation>已重新加载 %1(%2 字节)</translation>
    </message>
    <message>
        <source>Reloaded %1: kept all %2 edited bytes (unsaved)</source>
        <translation>已重新加载 %1:保留了全部 %2 个已编辑字节(未保存)</translation>
    </message>
    <message>
        <source>Reloaded %1: kept %2 edited bytes, dropped %3 bytes past the new end (0x%4)</source>
        <translation>已重新加载 %1:保留了 %2 个已编辑字节,丢弃了新末尾(0x%4)之后的 %3 个字节</translation>
    </message>
    <message>
        <source>%1 was changed on disk by another program while you have unsaved edits: reload to see its new bytes under your edits before you save</source>
        <translation>%1 在磁盘上被其他程序更改,而您有未保存的修改:请在保存前重新加载,以查看您的修改之下的新字节</translation>
    </message>
    <message>
        <source>%1 is unchanged on disk</source>
        <translation>%1 在磁盘上未更改</translation>
    </message>
    <message>
        <source>%1 was deleted on disk; the window still shows its last bytes</source>
        <translation>%1 已在磁盘上被删除;窗口仍显示其最后的字节</translation>
    </message>
    <message>
        <source>%1 was replaced on disk by another file; Reload shows the new one</source>
        <translation>%1 在磁盘上已被另一个文件替换;重新加载将显示新文件</translation>
    </message>
    <message>
        <source>%1 was truncated on disk by another program</source>
        <translation>%1 在磁盘上被其他程序截断</translation>
    </message>
    <message>
        <source>%1 was extended on disk by another program</source>
        <translation>%1 在磁盘上被其他程序扩展</translation>
    </message>
    <message>
        <source>%1 was modified on disk by another program</source>
        <translation>%1 在磁盘上被其他程序修改</translation>
    </message>
    <message>
        <source>%1 was replaced on disk: this is the new file. %2</source>
        <translation>%1 在磁盘上已被替换:这是新文件。%2</translation>
    </message>
    <message>
        <source>%1 is no longer available (size 0)</source>
        <translation>%1 已不可用(大小为 0)</translation>
    </message>
    <message>
        <source>%1 shrank to %2 bytes</source>
        <translation>%1 缩小到 %2 字节</translation>
    </message>
</context>
<context>
    <name>hexmap::FindBar</name>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏(Esc)</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Hex bytes (?? = any byte), UTF-8 text, or UTF-16LE text</source>
        <translation>十六进制字节(?? = 任意字节)、UTF-8 文本或 UTF-16LE 文本</translation>
    </message>
    <message>
        <source>DE AD ?? EF</source>
        <translation>DE AD ?? EF</translation>
    </message>
    <message>
        <source>Ignore case in text searches (Alt+C)</source>
        <translation>文本搜索时忽略大小写 (Alt+C)</translation>
    </message>
    <message>
        <source>Ignore case</source>
        <translation>忽略大小写</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;All</source>
        <translation>查找全部(&amp;A)</translation>
    </message>
    <message>
        <source>Find previous (Shift+F3)</source>
        <translation>查找上一个(Shift+F3)</translation>
    </message>
    <message>
        <source>Find next (F3)</source>
        <translation>查找下一个(F3)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>No file is open</source>
        <translation>没有打开的文件</translation>
    </message>
    <message>
        <source>Type a pattern to search for</source>
        <translation>请输入要搜索的模式</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2%3)</source>
        <translation>“%1”(%2%3)</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16LE</source>
        <translation>UTF-16LE</translation>
    </message>
    <message>
        <source>, ignoring case</source>
        <translation>,忽略大小写</translation>
    </message>
    <message>
        <source>Searching forward…</source>
        <translation>正在向后搜索…</translation>
    </message>
    <message>
        <source>Searching backward…</source>
        <translation>正在向前搜索…</translation>
    </message>
    <message>
        <source>Finding all…</source>
        <translation>正在查找全部…</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到:%1</translation>
    </message>
    <message>
        <source>Match at 0x%1</source>
        <translation>匹配位于 0x%1</translation>
    </message>
    <message>
        <source>%1 (wrapped)</source>
        <translation>%1(已回绕)</translation>
    </message>
    <message>
        <source>Search wrapped around the end of the file</source>
        <translation>搜索已绕过文件末尾</translation>
    </message>
    <message>
        <source>%1+ matches (capped)</source>
        <translation>%1+ 个匹配(已达上限)</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 个匹配</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 个匹配</translation>
    </message>
    <message>
        <source>Search cancelled</source>
        <translation>搜索已取消</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败:%1</translation>
    </message>
    <message>
        <source>The file is empty: there is nothing to find</source>
        <translation>文件为空:没有可查找的内容</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件:%1</translation>
    </message>
    <message>
        <source>The file on disk is now shorter (%1 bytes) than the one shown (%2 bytes); reload it</source>
        <translation>磁盘上的文件现在比显示的短(%1 字节,显示的为 %2 字节);请重新加载</translation>
    </message>
</context>
<context>
    <name>hexmap::FindResultsDock</name>
    <message>
        <source>Find Results</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>No search yet</source>
        <translation>尚未搜索</translation>
    </message>
    <message>
        <source>First %1 matches of %2 (more exist)</source>
        <translation>%2 中的前 %1 个匹配(还有更多)</translation>
    </message>
    <message>
        <source>1 match of %1</source>
        <translation>%1 中的 1 个匹配</translation>
    </message>
    <message>
        <source>%1 matches of %2</source>
        <translation>%2 中的 %1 个匹配</translation>
    </message>
</context>
<context>
    <name>hexmap::FindResultsModel</name>
    <message>
        <source>Offset %1 (0x%2)</source>
        <translation>偏移 %1(0x%2)</translation>
    </message>
</context>
<context>
    <name>hexmap::FindSupport</name>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
</context>
<context>
    <name>hexmap::GotoDialog</name>
    <message>
        <source>Go to Offset</source>
        <translation>跳转到偏移</translation>
    </message>
    <message>
        <source>Offset (decimal, 0x hex, +/- from the cursor, end-N from the end):</source>
        <translation>偏移(十进制、0x 十六进制、+/- 相对光标、end-N 相对末尾):</translation>
    </message>
</context>
<context>
    <name>hexmap::HexView</name>
    <message>
        <source>Cannot copy: the file was truncated on disk to %1 bytes; reload it first</source>
        <translation>无法复制:文件在磁盘上已被截断为 %1 字节;请先重新加载</translation>
    </message>
    <message>
        <source>This file is empty (0 bytes).</source>
        <translation>此文件为空(0 字节)。</translation>
    </message>
    <message>
        <source>Nothing to copy: the file is empty</source>
        <translation>没有可复制的内容:文件为空</translation>
    </message>
    <message>
        <source>Empty file: type to insert bytes</source>
        <translation>空文件:键入即可插入字节</translation>
    </message>
    <message>
        <source>Nothing to copy: the cursor is after the last byte</source>
        <translation>没有可复制的内容:光标位于最后一个字节之后</translation>
    </message>
</context>
<context>
    <name>hexmap::HexViewAccessibility</name>
    <message>
        <source>Hex view</source>
        <translation>十六进制视图</translation>
    </message>
    <message>
        <source>No file is open</source>
        <translation>没有打开的文件</translation>
    </message>
    <message>
        <source>Offset 0x%1 (%2) of %3 bytes</source>
        <translation>偏移 0x%1(%2),共 %3 字节</translation>
    </message>
    <message>
        <source>, value 0x%1 (%2)</source>
        <translation>,值 0x%1(%2)</translation>
    </message>
    <message>
        <source>, hex column</source>
        <translation>,十六进制列</translation>
    </message>
    <message>
        <source>, text column</source>
        <translation>,文本列</translation>
    </message>
    <message>
        <source>, %1 bytes selected from 0x%2</source>
        <translation>,从 0x%2 起选中 %1 字节</translation>
    </message>
    <message>
        <source>, absent (past the end of the file on disk)</source>
        <translation>,不存在(超出磁盘上文件的末尾)</translation>
    </message>
    <message>
        <source>, after the last byte</source>
        <translation>,位于最后一个字节之后</translation>
    </message>
</context>
<context>
    <name>hexmap::HistogramWidget</name>
    <message>
        <source>Byte 0x%1: %2 times (log scale; blue = printable)</source>
        <translation>字节 0x%1:%2 次(对数刻度;蓝色 = 可打印)</translation>
    </message>
</context>
<context>
    <name>hexmap::InformationDock</name>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Entropy (bits per byte, 0-8; click to go there)</source>
        <translation>熵(每字节位数,0-8;点击跳转到此处)</translation>
    </message>
    <message>
        <source>Go to highest entropy</source>
        <translation>跳转到最高熵</translation>
    </message>
    <message>
        <source>Go to lowest entropy</source>
        <translation>跳转到最低熵</translation>
    </message>
    <message>
        <source>Byte histogram (0x00-0xFF, log scale)</source>
        <translation>字节直方图(0x00-0xFF,对数刻度)</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The file has edits since this was computed: Recompute to include them.</source>
        <translation>计算之后文件又有修改:请点击“重新计算”以包含这些修改。</translation>
    </message>
    <message>
        <source>No statistics yet.</source>
        <translation>尚无统计数据。</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>没有打开的文件。</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件:%1</translation>
    </message>
    <message>
        <source>Cannot compute statistics: %1</source>
        <translation>无法计算统计数据:%1</translation>
    </message>
    <message>
        <source>Computing the statistics of %1…</source>
        <translation>正在计算 %1 的统计数据…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败:%1</translation>
    </message>
    <message>
        <source>Blocks of %1; %2 of memory for the map.</source>
        <translation>块大小 %1;熵图占用 %2 内存。</translation>
    </message>
    <message>
        <source>Block at 0x%1: %2 bits per byte</source>
        <translation>位于 0x%1 的块:每字节 %2 位</translation>
    </message>
</context>
<context>
    <name>hexmap::InformationModel</name>
    <message>
        <source>zero bytes</source>
        <translation>零字节</translation>
    </message>
    <message>
        <source>0xFF (erased flash)</source>
        <translation>0xFF(已擦除的闪存)</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>high entropy</source>
        <translation>高熵</translation>
    </message>
    <message>
        <source>other data</source>
        <translation>其他数据</translation>
    </message>
    <message>
        <source>likely compressed or encrypted</source>
        <translation>可能已压缩或加密</translation>
    </message>
    <message>
        <source>mostly empty: padding, sparse or unused space</source>
        <translation>大部分为空:填充、稀疏或未使用的空间</translation>
    </message>
    <message>
        <source>likely an erased flash image</source>
        <translation>可能是已擦除的闪存镜像</translation>
    </message>
    <message>
        <source>mostly readable text</source>
        <translation>大部分为可读文本</translation>
    </message>
    <message>
        <source>structured binary data (code, tables, media)</source>
        <translation>结构化二进制数据(代码、表格、媒体)</translation>
    </message>
    <message>
        <source>%1 % %2 — %3</source>
        <translation>%2占 %1 % — %3</translation>
    </message>
    <message>
        <source>Mixed content: %1 % %2, %3 % %4</source>
        <translation>混合内容:%2占 %1 %,%4占 %3 %</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1:%2 %</translation>
    </message>
    <message>
        <source>Entropy of the whole: %1 bits per byte</source>
        <translation>整体熵:每字节 %1 位</translation>
    </message>
</context>
<context>
    <name>hexmap::InsertBytesDialog</name>
    <message>
        <source>Insert Bytes</source>
        <translation>插入字节</translation>
    </message>
    <message>
        <source>Hex bytes</source>
        <translation>十六进制字节</translation>
    </message>
    <message>
        <source>Fill byte × count</source>
        <translation>填充字节 × 数量</translation>
    </message>
    <message>
        <source>Hex pattern × count</source>
        <translation>十六进制模式 × 数量</translation>
    </message>
    <message>
        <source>&amp;Insert…</source>
        <translation>插入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Offset (file size: %1):</source>
        <translation>偏移(&amp;O)(文件大小:%1):</translation>
    </message>
    <message>
        <source>&amp;Insert:</source>
        <translation>插入内容(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Hex bytes:</source>
        <translation>十六进制字节(&amp;H):</translation>
    </message>
    <message>
        <source>Fill &amp;byte:</source>
        <translation>填充字节(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>模式(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Count:</source>
        <translation>数量(&amp;C):</translation>
    </message>
</context>
<context>
    <name>hexmap::InsertBytesModel</name>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Offset %1 is past the end of the file (%2).</source>
        <translation>偏移 %1 超出了文件末尾(%2)。</translation>
    </message>
    <message>
        <source>Offset “%1” is not a number (e.g. 0x1000, 4096, -16).</source>
        <translation>偏移“%1”不是数字(例如 0x1000、4096、-16)。</translation>
    </message>
    <message>
        <source>Type the bytes to insert, in hex (DE AD BE EF).</source>
        <translation>请输入要插入的字节,十六进制(DE AD BE EF)。</translation>
    </message>
    <message>
        <source>Too many hex bytes: at most %1 (use a fill or pattern for more).</source>
        <translation>十六进制字节过多:最多 %1(更多请使用填充字节或模式)。</translation>
    </message>
    <message>
        <source>Bad hex bytes “%1”: %2.</source>
        <translation>无效的十六进制字节“%1”:%2。</translation>
    </message>
    <message>
        <source>Fill byte “%1” is not a byte (0xFF, 255 or 0b11111111).</source>
        <translation>填充字节“%1”不是一个字节值(0xFF、255 或 0b11111111)。</translation>
    </message>
    <message>
        <source>Type the pattern to repeat, in hex (DE AD BE EF).</source>
        <translation>请输入要重复的模式,十六进制(DE AD BE EF)。</translation>
    </message>
    <message>
        <source>Bad hex pattern “%1”.</source>
        <translation>无效的十六进制模式“%1”。</translation>
    </message>
    <message>
        <source>Count %1 is zero: nothing to insert.</source>
        <translation>数量 %1 为零:没有可插入的内容。</translation>
    </message>
    <message>
        <source>Count %1 would make the file larger than 2^64 bytes.</source>
        <translation>数量 %1 会使文件超过 2^64 字节。</translation>
    </message>
    <message>
        <source>Count “%1” is not a size (e.g. 16, 0x1000, 16M).</source>
        <translation>数量“%1”不是有效大小(例如 16、0x1000、16M)。</translation>
    </message>
</context>
<context>
    <name>hexmap::InsertModeSupport</name>
    <message>
        <source>&amp;Insert Mode</source>
        <translation>插入模式(&amp;I)</translation>
    </message>
    <message>
        <source>Typing and pasting insert bytes instead of overwriting them (Insert)</source>
        <translation>键入和粘贴时插入字节，而不是改写（Insert）</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>INS</source>
        <translation>插入</translation>
    </message>
    <message>
        <source>OVR</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>Insert mode: typing inserts bytes (press Insert to overwrite)</source>
        <translation>插入模式：键入时插入字节（按 Insert 键切换为改写）</translation>
    </message>
    <message>
        <source>Overwrite mode: typing replaces bytes (press Insert to insert)</source>
        <translation>改写模式：键入时替换字节（按 Insert 键切换为插入）</translation>
    </message>
    <message>
        <source>Select the bytes to cut first</source>
        <translation>请先选择要剪切的字节</translation>
    </message>
</context>
<context>
    <name>hexmap::InspectorDock</name>
    <message>
        <source>Data Inspector</source>
        <translation>数据检查器</translation>
    </message>
    <message>
        <source>Big endian</source>
        <translation>大端序</translation>
    </message>
    <message>
        <source>Decode multi-byte values most significant byte first</source>
        <translation>按最高有效字节在前解码多字节值</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Offset %1</source>
        <translation>偏移 %1</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>The %1 value runs past the end of the file</source>
        <translation>%1 值超出了文件末尾</translation>
    </message>
    <message>
        <source>No file is open</source>
        <translation>没有打开的文件</translation>
    </message>
    <message>
        <source>The file is read-only: use Edit &gt; Enable Editing to change values</source>
        <translation>文件为只读:请使用“编辑 &gt; 启用编辑”来修改值</translation>
    </message>
</context>
<context>
    <name>hexmap::InspectorTable</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The value runs past the end of the file</source>
        <translation>该值超出了文件末尾</translation>
    </message>
</context>
<context>
    <name>hexmap::JobConfirmation</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Fill %1 (%2) of %3 with %4?</source>
        <translation>将 %3 中的 %1(%2)填充为 %4?</translation>
    </message>
    <message>
        <source>Zero %1 (%2) of %3 and release its disk space?</source>
        <translation>将 %3 中的 %1(%2)清零并释放其磁盘空间?</translation>
    </message>
    <message>
        <source>Zero %1 (%2) of %3?</source>
        <translation>将 %3 中的 %1(%2)清零?</translation>
    </message>
    <message>
        <source>Fill %1 (%2) of %3 with the pattern %4?</source>
        <translation>用模式 %4 填充 %3 中的 %1(%2)?</translation>
    </message>
    <message>
        <source>Overwrite Bytes?</source>
        <translation>覆盖字节?</translation>
    </message>
    <message>
        <source>This cannot be undone: the job writes straight into the file, not into the undo history.</source>
        <translation>此操作无法撤销:任务直接写入文件,不进入撤销历史。</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
</context>
<context>
    <name>hexmap::JobDialog</name>
    <message>
        <source>Write job</source>
        <translation>写入任务</translation>
    </message>
    <message>
        <source>Fill with a byte</source>
        <translation>用一个字节填充</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Repeat a pattern</source>
        <translation>重复一个模式</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>操作(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Selection: %1</source>
        <translation>选区(&amp;S):%1</translation>
    </message>
    <message>
        <source>&amp;Whole file: %1</source>
        <translation>整个文件(&amp;W):%1</translation>
    </message>
    <message>
        <source>O&amp;ffset and length:</source>
        <translation>偏移和长度(&amp;F):</translation>
    </message>
    <message>
        <source>0x1000, 4096, -4K (from the end)</source>
        <translation>0x1000、4096、-4K(从末尾算起)</translation>
    </message>
    <message>
        <source>256 MiB, 0x100000, empty = to the end</source>
        <translation>256 MiB、0x100000,留空 = 到末尾</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围:</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Writes:</source>
        <translation>写入:</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程数(&amp;T):</translation>
    </message>
    <message>
        <source>default: 8 MiB</source>
        <translation>默认:8 MiB</translation>
    </message>
    <message>
        <source>&amp;Chunk size:</source>
        <translation>块大小(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Release disk space (punch holes; reads back as zeros)</source>
        <translation>释放磁盘空间(打洞;读回为零)(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;ync when done (make the bytes durable)</source>
        <translation>完成后同步(使字节持久化)(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>模式(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Byte:</source>
        <translation>字节(&amp;B):</translation>
    </message>
    <message>
        <source>DE AD BE EF</source>
        <translation>DE AD BE EF</translation>
    </message>
    <message>
        <source>0xFF, 255 or 0b11111111</source>
        <translation>0xFF、255 或 0b11111111</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>%1 Job</source>
        <translation>%1任务</translation>
    </message>
    <message>
        <source>&amp;Discard (TRIM) instead of zeroing (reads back as zeros)</source>
        <translation>改为丢弃(TRIM)而非清零(读回为零)(&amp;D)</translation>
    </message>
    <message>
        <source>Tells the device the range is unused instead of using its zero-out command</source>
        <translation>告知设备该范围不再使用,而不是使用其清零命令</translation>
    </message>
    <message>
        <source>&amp;Whole device: %1</source>
        <translation>整个设备(&amp;W):%1</translation>
    </message>
</context>
<context>
    <name>hexmap::JobDialogModel</name>
    <message>
        <source>with the byte %1</source>
        <translation>覆盖为字节 %1</translation>
    </message>
    <message>
        <source>with zeros, releasing whole blocks</source>
        <translation>清零并释放整块的磁盘空间</translation>
    </message>
    <message>
        <source>with zeros</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>with a %1-byte pattern</source>
        <translation>覆盖为 %1 字节的模式</translation>
    </message>
    <message>
        <source>Overwrites %1 bytes (%2) from %3 to %4 %5, using %6 thread(s). A job writes straight into the file and cannot be undone.</source>
        <translation>将 %3 到 %4 的 %1 字节(%2)%5,使用 %6 个线程。任务直接写入文件,无法撤销。</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Type the pattern to repeat.</source>
        <translation>请输入要重复写入的模式。</translation>
    </message>
    <message>
        <source>Type the byte to write.</source>
        <translation>请输入要写入的字节。</translation>
    </message>
    <message>
        <source>not allowed here</source>
        <translation>此处不允许</translation>
    </message>
    <message>
        <source>not a valid value</source>
        <translation>不是有效的值</translation>
    </message>
    <message>
        <source>past the end of the file</source>
        <translation>超出文件末尾</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1:%2。</translation>
    </message>
    <message>
        <source>%1: %2 (%3).</source>
        <translation>%1:%2(%3)。</translation>
    </message>
    <message>
        <source>Nothing is selected: choose the whole file or type an offset and a length.</source>
        <translation>未选中任何内容:请选择整个文件,或输入偏移量和长度。</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>Pattern: longer than 64 KiB.</source>
        <translation>模式:超过 64 KiB。</translation>
    </message>
    <message>
        <source>Byte</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>The range holds unsaved edits: save or discard them first.</source>
        <translation>该范围内有未保存的编辑:请先保存或放弃它们。</translation>
    </message>
    <message>
        <source>The range overlaps a running job.</source>
        <translation>该范围与正在运行的任务重叠。</translation>
    </message>
    <message>
        <source>Threads: choose 1 to %1.</source>
        <translation>线程数:请选择 1 到 %1。</translation>
    </message>
    <message>
        <source>Chunk size: must not be 0.</source>
        <translation>块大小:不能为 0。</translation>
    </message>
    <message>
        <source>Chunk size</source>
        <translation>块大小</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
</context>
<context>
    <name>hexmap::JobStatusWidget</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Make the bytes jobs wrote durable (a Sync job with progress)</source>
        <translation>使任务写入的字节持久化(带进度的同步任务)</translation>
    </message>
    <message>
        <source>Unsynced: %1</source>
        <translation>未同步:%1</translation>
    </message>
    <message>
        <source>Cannot sync yet: a running job overlaps the unsynced bytes.</source>
        <translation>暂时无法同步:正在运行的任务与未同步的字节重叠。</translation>
    </message>
    <message>
        <source>Cannot sync: %1</source>
        <translation>无法同步:%1</translation>
    </message>
    <message>
        <source>Unsynced (kernel): the file&apos;s dirty and under-writeback pages in the page cache, as the kernel reports them (other programs&apos; writes included). Hexmap&apos;s jobs wrote %1 not synced yet.</source>
        <translation>未同步(内核):内核报告的该文件在页缓存中的脏页和正在回写的页(包括其他程序的写入)。Hexmap 的任务写入的 %1 尚未同步。</translation>
    </message>
    <message>
        <source>Unsynced (Hexmap): bytes written by jobs that are only in the page cache: a crash or power loss can lose them until they are synced</source>
        <translation>未同步(Hexmap):任务写入但仅在页缓存中的字节:在同步之前,崩溃或断电可能使其丢失</translation>
    </message>
</context>
<context>
    <name>hexmap::JobSummary</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>started writeback of %1</source>
        <translation>已开始回写 %1</translation>
    </message>
    <message>
        <source>zeroed %1 in %2</source>
        <translation>已在 %2 内清零 %1</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>hexmap::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cancel job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>工作线程 %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>同步中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled, %1 bytes written (%2)</source>
        <translation>已取消,已写入 %1 字节(%2)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败:%1</translation>
    </message>
    <message>
        <source>The operation; expand a job for one row per worker, in the worker&apos;s colour on the map</source>
        <translation>操作;展开任务可看到每个工作线程一行,颜色与概览图上该线程的颜色相同</translation>
    </message>
    <message>
        <source>The bytes the job (or worker) covers</source>
        <translation>任务(或工作线程)覆盖的字节</translation>
    </message>
    <message>
        <source>Bytes written (synced, for Sync) of the range</source>
        <translation>范围内已写入(同步任务为已同步)的字节</translation>
    </message>
    <message>
        <source>Bytes per second; empty for Flush and Zero, whose speed means nothing (see State)</source>
        <translation>每秒字节数;刷新和清零任务的速度没有意义,留空(见状态)</translation>
    </message>
    <message>
        <source>Estimated time left</source>
        <translation>预计剩余时间</translation>
    </message>
    <message>
        <source>Time since the job started</source>
        <translation>任务开始以来的时间</translation>
    </message>
    <message>
        <source>Running, paused, done (what Flush and Zero did), cancelled or failed</source>
        <translation>运行中、已暂停、已完成(刷新和清零显示所做的事)、已取消或失败</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jobs&lt;/b&gt;: the fill, zero, pattern, flush and sync jobs of the current file. Each job expands into its workers; each worker&apos;s colour is the one it has on the overview map, where its range is pale and what it wrote solid. Cancel job stops the selected (or the only running) job after its current chunk; Clear finished removes finished jobs from the list (the map keeps showing what they wrote, in grey).</source>
        <translation>&lt;b&gt;任务&lt;/b&gt;:当前文件的填充、清零、模式、刷新和同步任务。每个任务可展开为其工作线程;每个工作线程的颜色与它在概览图上的颜色相同,概览图上其范围为浅色,已写入部分为实色。“取消任务”在当前块之后停止所选(或唯一正在运行的)任务;“清除已完成”从列表中移除已完成的任务(概览图仍以灰色显示它们写入的内容)。</translation>
    </message>
    <message>
        <source>Stop the selected job (or the only running one) after its current chunk</source>
        <translation>在当前块之后停止所选任务(或唯一正在运行的任务)</translation>
    </message>
    <message>
        <source>Remove finished jobs from the list</source>
        <translation>从列表中移除已完成的任务</translation>
    </message>
</context>
<context>
    <name>hexmap::JobsSupport</name>
    <message>
        <source>&amp;Fill…</source>
        <translation>填充(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Zero…</source>
        <translation>清零(&amp;Z)…</translation>
    </message>
    <message>
        <source>&amp;Pattern…</source>
        <translation>模式(&amp;P)…</translation>
    </message>
    <message>
        <source>F&amp;lush (start writeback)</source>
        <translation>刷新(开始回写)(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;ync (make durable)</source>
        <translation>同步(持久化)(&amp;Y)</translation>
    </message>
    <message>
        <source>Fill a range with one byte, in the background, on several threads</source>
        <translation>在后台用多个线程以一个字节填充一个范围</translation>
    </message>
    <message>
        <source>Overview &amp;Map</source>
        <translation>概览图(&amp;M)</translation>
    </message>
    <message>
        <source>The job could not start: %1</source>
        <translation>任务无法启动:%1</translation>
    </message>
    <message>
        <source>Flush: %1</source>
        <translation>刷新:%1</translation>
    </message>
    <message>
        <source>Sync: %1</source>
        <translation>同步:%1</translation>
    </message>
    <message>
        <source>Sync: wait for the running job to finish (or sync its bytes from the status bar)</source>
        <translation>同步:请等待正在运行的任务完成(或从状态栏同步其字节)</translation>
    </message>
    <message>
        <source>%1 was deleted since it was opened</source>
        <translation>%1 在打开后已被删除</translation>
    </message>
    <message>
        <source>%1 was replaced by another file since it was opened</source>
        <translation>%1 在打开后已被另一个文件替换</translation>
    </message>
    <message>
        <source>%1 was truncated by another program since it was opened</source>
        <translation>%1 在打开后被其他程序截断</translation>
    </message>
    <message>
        <source>%1 was extended by another program since it was opened</source>
        <translation>%1 在打开后被其他程序扩展</translation>
    </message>
    <message>
        <source>%1 was modified by another program since it was opened</source>
        <translation>%1 在打开后被其他程序修改</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened</source>
        <translation>%1 在打开后已在磁盘上更改</translation>
    </message>
    <message>
        <source>%1 not started: %2; nothing was written. Reload the file first.</source>
        <translation>%1未启动:%2;未写入任何内容。请先重新加载文件。</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>The job</source>
        <translation>该任务</translation>
    </message>
    <message>
        <source>Page &amp;Cache Layer</source>
        <translation>页缓存图层(&amp;C)</translation>
    </message>
    <message>
        <source>Show on the overview map which parts of the file the kernel holds in its page cache: cached, dirty, under writeback</source>
        <translation>在概览图上显示文件的哪些部分位于内核的页缓存中:已缓存、脏页、正在回写</translation>
    </message>
    <message>
        <source>Flush: %1 is open read-only; nothing to write back</source>
        <translation>刷新:%1 以只读方式打开;没有需要写回的内容</translation>
    </message>
    <message>
        <source>Sync: %1 is open read-only; nothing to write back</source>
        <translation>同步:%1 以只读方式打开;没有需要写回的内容</translation>
    </message>
    <message>
        <source>%1 is not available while inserted or deleted bytes are unsaved: save or revert them first</source>
        <translation>有未保存的插入或删除字节时无法使用%1：请先保存或还原它们</translation>
    </message>
</context>
<context>
    <name>hexmap::MainWindow</name>
    <message>
        <source>Cannot Open File</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>The file cannot be opened.

%1</source>
        <translation>无法打开该文件。

%1</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Hexmap</source>
        <translation>Hexmap</translation>
    </message>
    <message>
        <source>read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>%1[*] [%2] — Hexmap</source>
        <translation>%1[*] [%2] — Hexmap</translation>
    </message>
    <message>
        <source>About Hexmap</source>
        <translation>关于 Hexmap</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Hexmap %1&lt;/h3&gt;&lt;p&gt;A hex editor and visualizer for huge files, built on its own memory-mapped file engine.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Hexmap %1&lt;/h3&gt;&lt;p&gt;一个面向超大文件的十六进制编辑器和可视化工具,基于自有的内存映射文件引擎。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (device)[*] [%2] — Hexmap</source>
        <translation>%1(设备)[*] [%2] — Hexmap</translation>
    </message>
</context>
<context>
    <name>hexmap::MainWindowActions</name>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy as Hex</source>
        <translation>复制为十六进制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy as C &amp;Array</source>
        <translation>复制为 C 数组(&amp;A)</translation>
    </message>
    <message>
        <source>Copy as &amp;Raw Text</source>
        <translation>复制为原始文本(&amp;R)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Go to Offset...</source>
        <translation>跳转到偏移(&amp;G)...</translation>
    </message>
    <message>
        <source>&amp;Bytes per Row</source>
        <translation>每行字节数(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Fit to Width</source>
        <translation>适应宽度(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Grouping</source>
        <translation>分组(&amp;G)</translation>
    </message>
    <message>
        <source>1 Byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 Bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>&amp;About Hexmap</source>
        <translation>关于 Hexmap(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Next Tab</source>
        <translation>下一个标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Tab</source>
        <translation>上一个标签页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>使用手册(&amp;M)</translation>
    </message>
    <message>
        <source>Show the user manual (USAGE)</source>
        <translation>显示用户手册(USAGE)</translation>
    </message>
</context>
<context>
    <name>hexmap::ManualDialog</name>
    <message>
        <source>Hexmap Manual</source>
        <translation>Hexmap 使用手册</translation>
    </message>
    <message>
        <source>The manual could not be read: %1 (%2)</source>
        <translation>无法读取使用手册:%1(%2)</translation>
    </message>
</context>
<context>
    <name>hexmap::MenuPlacer</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Editing</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>%1 Toolbar</source>
        <translation>%1工具栏</translation>
    </message>
</context>
<context>
    <name>hexmap::NativePath</name>
    <message>
        <source>%1: no such file. Its name holds characters that could not be decoded (shown as %2): if it was not UTF-8, open it from the command line (hexmap PATH).</source>
        <translation>%1:没有此文件。其名称包含无法解码的字符(显示为 %2):如果名称不是 UTF-8 编码,请从命令行打开它(hexmap PATH)。</translation>
    </message>
    <message>
        <source>%1 could be any of these files, whose names are not UTF-8: %2. Open the one you mean from the command line (hexmap PATH).</source>
        <translation>%1 可能是以下任一文件,它们的名称不是 UTF-8:%2。请从命令行打开您要的那个文件(hexmap PATH)。</translation>
    </message>
</context>
<context>
    <name>hexmap::OpenDeviceDialog</name>
    <message>
        <source>Open Device</source>
        <translation>打开设备</translation>
    </message>
    <message>
        <source>The device opens read-only; Edit &gt; Enable Editing asks before anything is written. Opening a device usually needs root or membership of the &apos;disk&apos; group.</source>
        <translation>设备以只读方式打开;写入任何内容之前,“编辑 &gt; 启用编辑”会先询问。打开设备通常需要 root 权限或属于 &apos;disk&apos; 组。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The block devices cannot be listed: %1</source>
        <translation>无法列出块设备:%1</translation>
    </message>
</context>
<context>
    <name>hexmap::OverviewLegend</name>
    <message>
        <source>What the colours of the overview map mean</source>
        <translation>概览图中各颜色的含义</translation>
    </message>
</context>
<context>
    <name>hexmap::OverviewMap</name>
    <message>
        <source>Differences</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Ticks = bytes that differ between the two files (stronger: more of the pixel row differs); click to go there</source>
        <translation>刻度 = 两个文件之间不同的字节(颜色越深:该像素行中不同的字节越多);点击可跳转到该处</translation>
    </message>
    <message>
        <source>Yellow at the right edge = unsaved edits of the tab</source>
        <translation>右边缘的黄色 = 该标签页未保存的编辑</translation>
    </message>
    <message>
        <source>differs from the other file</source>
        <translation>与另一个文件不同</translation>
    </message>
    <message>
        <source>Job workers</source>
        <translation>任务工作线程</translation>
    </message>
    <message>
        <source>Written / synced</source>
        <translation>已写入 / 已同步</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Viewport</source>
        <translation>视口</translation>
    </message>
    <message>
        <source>Vermillion = written by a job, not synced; grey-blue = synced</source>
        <translation>朱红 = 任务已写入但未同步;灰蓝 = 已同步</translation>
    </message>
    <message>
        <source>Yellow = unsaved edits; ticks = search hits</source>
        <translation>黄色 = 未保存的修改;刻度 = 搜索结果</translation>
    </message>
    <message>
        <source>0x%1 (%2 per pixel row)
%3</source>
        <translation>0x%1(每像素行 %2)
%3</translation>
    </message>
    <message>
        <source>Overview map</source>
        <translation>概览图</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Page cache (kernel)</source>
        <translation>页缓存(内核)</translation>
    </message>
    <message>
        <source>Entropy / byte class</source>
        <translation>熵 / 字节类别</translation>
    </message>
    <message>
        <source>Page cache (%1): green = cached, vermillion = dirty, purple = under writeback, empty = not cached</source>
        <translation>页缓存(%1):绿色 = 已缓存,朱红 = 脏页,紫色 = 正在回写,空白 = 未缓存</translation>
    </message>
    <message>
        <source>mincore: cached only, dirty unknown</source>
        <translation>mincore:仅显示已缓存,脏页未知</translation>
    </message>
    <message>
        <source>kernel, cachestat</source>
        <translation>内核,cachestat</translation>
    </message>
    <message>
        <source>Zoom In Around the View</source>
        <translation>围绕视图放大</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Whole File</source>
        <translation>整个文件</translation>
    </message>
    <message>
        <source>Job workers: pale = assigned, solid = written; grey = written by a finished job; a narrow strip = flush or sync</source>
        <translation>任务工作线程:浅色 = 已分配,实色 = 已写入;灰色 = 已完成的任务写入的;窄条 = 刷新或同步</translation>
    </message>
    <message>
        <source>Zoomed ×%1: 0x%2 – 0x%3 (Ctrl+wheel or the context menu)</source>
        <translation>已放大 ×%1:0x%2 – 0x%3(Ctrl+滚轮或右键菜单)</translation>
    </message>
    <message>
        <source>job workers (pale: to do, solid: written)</source>
        <translation>任务工作线程(浅色:待写,实色:已写入)</translation>
    </message>
    <message>
        <source>written by a finished job</source>
        <translation>已完成的任务写入的</translation>
    </message>
    <message>
        <source>not synced</source>
        <translation>未同步</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>in page cache</source>
        <translation>在页缓存中</translation>
    </message>
    <message>
        <source>unsaved edit</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>frame: on screen</source>
        <translation>框:屏幕上显示的</translation>
    </message>
    <message>
        <source>zoom ×%1 (Ctrl+wheel)</source>
        <translation>缩放 ×%1(Ctrl+滚轮)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overview map&lt;/b&gt;: the whole file from top to bottom (each pixel row stands for size / height bytes). Lanes, left to right: &lt;i&gt;job workers&lt;/i&gt; (each worker&apos;s range pale in its colour, what it wrote solid; when a job ends its colours fade to grey, the bytes jobs wrote), &lt;i&gt;page cache&lt;/i&gt; (when shown), &lt;i&gt;durability&lt;/i&gt; (vermillion: written, not synced; blue-grey: synced) and &lt;i&gt;marks&lt;/i&gt; (yellow: unsaved edits; ticks: search hits). A frame shows the bytes on screen, flags the bookmarks.&lt;br&gt;Click or drag to go there. Ctrl+wheel zooms around the view (the map then shows size / zoom bytes); the context menu toggles the layers and zooms. Drag the map&apos;s left edge to make it wider.</source>
        <translation>&lt;b&gt;概览图&lt;/b&gt;:从上到下表示整个文件(每个像素行代表 大小 / 高度 个字节)。从左到右的各列:&lt;i&gt;任务工作线程&lt;/i&gt;(每个工作线程的范围以其颜色的浅色显示,已写入部分为实色;任务结束后其颜色渐变为灰色,即任务写入过的字节)、&lt;i&gt;页缓存&lt;/i&gt;(显示时)、&lt;i&gt;持久性&lt;/i&gt;(朱红:已写入,未同步;蓝灰:已同步)和&lt;i&gt;标记&lt;/i&gt;(黄色:未保存的修改;刻度:搜索结果)。框表示屏幕上显示的字节,旗标表示书签。&lt;br&gt;单击或拖动可跳转到该处。Ctrl+滚轮围绕视图缩放(概览图随后显示 大小 / 缩放倍数 个字节);右键菜单可开关各图层并缩放。拖动概览图的左边缘可使其变宽。</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Outlines = partitions (number and name where they fit)</source>
        <translation>轮廓 = 分区(空间足够时显示编号和名称)</translation>
    </message>
    <message>
        <source>partitions</source>
        <translation>分区</translation>
    </message>
</context>
<context>
    <name>hexmap::PageCacheLayer</name>
    <message>
        <source>Page &amp;Cache Layer</source>
        <translation>页缓存图层(&amp;C)</translation>
    </message>
    <message>
        <source>Show on the overview map which parts of the file the kernel holds in its page cache: cached, dirty, under writeback</source>
        <translation>在概览图上显示文件的哪些部分位于内核的页缓存中:已缓存、脏页、正在回写</translation>
    </message>
</context>
<context>
    <name>hexmap::PartitionsDock</name>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Warnings:
%1</source>
        <translation>警告:
%1</translation>
    </message>
</context>
<context>
    <name>hexmap::PartitionsModel</name>
    <message>
        <source>No partition table found</source>
        <translation>未找到分区表</translation>
    </message>
    <message>
        <source>%1, %2-byte sectors, 1 partition</source>
        <translation>%1,%2 字节扇区,1 个分区</translation>
    </message>
    <message>
        <source>%1, %2-byte sectors, %3 partitions</source>
        <translation>%1,%2 字节扇区,%3 个分区</translation>
    </message>
    <message>
        <source>%1 (bootable)</source>
        <translation>%1(可启动)</translation>
    </message>
    <message>
        <source>Partition %1: bytes 0x%2 – 0x%3 (%4 bytes), type %5</source>
        <translation>分区 %1:字节 0x%2 – 0x%3(%4 字节),类型 %5</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>hexmap::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Fit to width</source>
        <translation>适应宽度</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Hex view</source>
        <translation>十六进制视图</translation>
    </message>
    <message>
        <source>&amp;Bytes per row:</source>
        <translation>每行字节数(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Grouping:</source>
        <translation>分组(&amp;G):</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>字体(&amp;F):</translation>
    </message>
    <message>
        <source>Colour &amp;theme:</source>
        <translation>配色主题(&amp;T):</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The operation&apos;s default</source>
        <translation>操作的默认值</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>&amp;Ask for confirmation before a job writes</source>
        <translation>任务写入前请求确认(&amp;A)</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Default &amp;threads:</source>
        <translation>默认线程数(&amp;T):</translation>
    </message>
    <message>
        <source>Default &amp;chunk size:</source>
        <translation>默认块大小(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Reopen the files that were open when Hexmap was last closed</source>
        <translation>重新打开上次关闭 Hexmap 时已打开的文件(&amp;R)</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>启动</translation>
    </message>
</context>
<context>
    <name>hexmap::RecentFilesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清空菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>hexmap::SaveAsSupport</name>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Write the file with its unsaved edits to a new file, and continue there</source>
        <translation>将文件连同未保存的编辑写入新文件,并在新文件中继续</translation>
    </message>
    <message>
        <source>E&amp;xport Selection…</source>
        <translation>导出选区(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the selected bytes (with unsaved edits) to a new file</source>
        <translation>将选中的字节(含未保存的编辑)写入新文件</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>没有打开的文件。</translation>
    </message>
    <message>
        <source>A copy is already being written.</source>
        <translation>已有一个副本正在写入。</translation>
    </message>
    <message>
        <source>Jobs are writing “%1”: wait for them or cancel them before copying it.</source>
        <translation>有任务正在写入“%1”:请等待它们结束或取消它们,然后再复制。</translation>
    </message>
    <message>
        <source>%1 (copy).%2</source>
        <translation>%1(副本).%2</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <source>Select the bytes to export first.</source>
        <translation>请先选择要导出的字节。</translation>
    </message>
    <message>
        <source>Export Selection</source>
        <translation>导出选区</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Writing: %1 of %2</source>
        <translation>正在写入:%1 / %2</translation>
    </message>
    <message>
        <source>Cancelled: %1 was not written.</source>
        <translation>已取消:未写入 %1。</translation>
    </message>
    <message>
        <source>Could not write %1: %2. No file was written; an existing file of that name is unchanged.</source>
        <translation>无法写入 %1:%2。未写入任何文件;同名的现有文件保持不变。</translation>
    </message>
    <message>
        <source>Exported %1 from %2 to %3</source>
        <translation>已将 %2 起的 %1 导出到 %3</translation>
    </message>
    <message>
        <source>Saved as %1 (%2)</source>
        <translation>已另存为 %1(%2)</translation>
    </message>
    <message>
        <source>Saved as %1, but it could not be opened: %2</source>
        <translation>已另存为 %1,但无法打开它:%2</translation>
    </message>
    <message>
        <source>(opened read-only: %1)</source>
        <translation>(以只读方式打开:%1)</translation>
    </message>
</context>
<context>
    <name>hexmap::SaveMessages</name>
    <message>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>your disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>磁盘报告了输入/输出错误</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>permission was denied</source>
        <translation>权限被拒绝</translation>
    </message>
    <message>
        <source>a running job is writing these bytes (wait for it to finish, then save again)</source>
        <translation>正在运行的任务正在写入这些字节(请等待其完成后再保存)</translation>
    </message>
    <message>
        <source>the file is open read-only</source>
        <translation>文件以只读方式打开</translation>
    </message>
    <message>
        <source>the file was truncated by another program</source>
        <translation>文件已被其他程序截断</translation>
    </message>
    <message>
        <source>another Hexmap process is saving this file</source>
        <translation>另一个 Hexmap 进程正在保存此文件</translation>
    </message>
    <message>
        <source>the save journal could not be written: %1 (%2). Nothing was written to the file.</source>
        <translation>无法写入保存日志:%1(%2)。未向文件写入任何内容。</translation>
    </message>
    <message>
        <source>%1 while making the saved bytes durable (%2); they may not be on the disk.</source>
        <translation>使已保存的字节持久化时出错:%1(%2);这些字节可能尚未写入磁盘。</translation>
    </message>
    <message>
        <source>%1: %2 at %3 were not saved (%4).</source>
        <translation>%1:位于 %3 的 %2 未能保存(%4)。</translation>
    </message>
    <message>
        <source>1 more range failed too.</source>
        <translation>另有 1 个区间也失败了。</translation>
    </message>
    <message>
        <source>%1 more ranges failed too.</source>
        <translation>另有 %1 个区间也失败了。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <source>Save failed, the edits are kept (%1): %2</source>
        <translation>保存失败,修改已保留(%1):%2</translation>
    </message>
    <message>
        <source>Part of the save reached the file: save again to finish it; otherwise Hexmap completes it from its journal the next time the file is opened.</source>
        <translation>部分保存内容已写入文件:请再次保存以完成;否则 Hexmap 会在下次打开该文件时根据其日志完成保存。</translation>
    </message>
    <message>
        <source>An interrupted save of %1 was completed from its journal (%2 in 1 range).</source>
        <translation>已根据日志完成 %1 的一次中断的保存(1 个区间共 %2)。</translation>
    </message>
    <message>
        <source>An interrupted save of %1 was completed from its journal (%2 in %3 ranges).</source>
        <translation>已根据日志完成 %1 的一次中断的保存(%3 个区间共 %2)。</translation>
    </message>
    <message>
        <source>An interrupted insert/delete save of %1 was completed from its journal: the file is now %2 (it was %3).</source>
        <translation>%1 被中断的插入/删除保存已根据其日志完成：文件现在为 %2（原为 %3）。</translation>
    </message>
    <message>
        <source>An interrupted save of %1 had not begun writing (%2): the file keeps its old bytes.</source>
        <translation>%1 的一次中断的保存尚未开始写入(%2):文件保留原有字节。</translation>
    </message>
    <message>
        <source>The journal of an interrupted save of %1 does not match the file (%2) and was not applied; it is kept at %3. Delete it if the file is as it should be.</source>
        <translation>%1 的一次中断的保存的日志与文件不匹配(%2),未被应用;该日志保留在 %3。如果文件内容正确,请删除该日志。</translation>
    </message>
    <message>
        <source>Another Hexmap process is saving %1 right now.</source>
        <translation>另一个 Hexmap 进程正在保存 %1。</translation>
    </message>
    <message>
        <source>An interrupted save of %1 could not be completed from its journal %2 (%3): the file may hold a mix of old and new bytes until it is; Hexmap tries again the next time the file is opened.</source>
        <translation>无法根据日志 %2 完成 %1 的一次中断的保存(%3):在完成之前,文件可能混有新旧字节;Hexmap 会在下次打开该文件时重试。</translation>
    </message>
    <message>
        <source>the file was deleted after you opened it. Nothing was written. Your edits stay unsaved in this window: Copy takes the bytes with them.</source>
        <translation>打开后该文件已被删除。未写入任何内容。您的修改仍以未保存状态保留在此窗口中:复制操作会连同这些修改一起复制字节。</translation>
    </message>
    <message>
        <source>the file was replaced by another file after you opened it (another program saved or moved a file over it). Nothing was written, so that other file is untouched. Your edits stay unsaved: reload to see the new file with them on top.</source>
        <translation>打开后该文件已被另一个文件替换(另一个程序在其位置保存或移动了文件)。未写入任何内容,那个文件未受影响。您的修改仍未保存:重新加载即可查看新文件,修改会叠加在其上。</translation>
    </message>
    <message>
        <source>another program truncated the file after you opened it. Nothing was written. Reload to see the file as it is now (your edits are carried over where they still fit).</source>
        <translation>打开后另一个程序截断了该文件。未写入任何内容。重新加载即可查看文件的当前内容(仍在文件范围内的修改会被保留)。</translation>
    </message>
    <message>
        <source>another program changed the file after you opened it. Nothing was written, so its changes and your edits are not mixed. Reload the file (your edits are carried over on top), then save.</source>
        <translation>打开后另一个程序修改了该文件。未写入任何内容,因此它的修改与您的修改不会混在一起。请重新加载文件(您的修改会叠加在其上),然后再保存。</translation>
    </message>
</context>
<context>
    <name>hexmap::SelectionCopier</name>
    <message>
        <source>Cannot copy %1: copying is limited to %2. Select less.</source>
        <translation>无法复制 %1:复制上限为 %2。请选择更少的字节。</translation>
    </message>
    <message>
        <source>Cannot copy: the file could not be read (%1)</source>
        <translation>无法复制:无法读取文件(%1)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
</context>
<context>
    <name>hexmap::SessionStore</name>
    <message numerus="yes">
        <source>Could not reopen %n file(s) of the last session: %1</source>
        <translation>
            <numerusform>无法重新打开上次会话中的 %n 个文件:%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hexmap::SettingsGuard</name>
    <message>
        <source>Settings are kept for this session only: %1 %2. Hexmap never writes through a link or into a file that is not a regular file of its own.</source>
        <translation>设置仅在本次会话中保留:%1 %2。Hexmap 从不通过链接写入,也只写入属于自己的普通文件。</translation>
    </message>
</context>
<context>
    <name>hexmap::ShiftCost</name>
    <message>
        <source>about a second</source>
        <translation>约 1 秒</translation>
    </message>
    <message>
        <source>about %1 seconds</source>
        <translation>约 %1 秒</translation>
    </message>
    <message>
        <source>about %1 minutes</source>
        <translation>约 %1 分钟</translation>
    </message>
    <message>
        <source>about %1 hours</source>
        <translation>约 %1 小时</translation>
    </message>
    <message>
        <source>Save moves %1 from offset %2 in place and writes %3; %4. Save As… writes a new file instead.</source>
        <translation>保存将在原处移动从偏移 %2 开始的 %1，并写入 %3；%4。“另存为…”则会写入一个新文件。</translation>
    </message>
</context>
<context>
    <name>hexmap::ShiftSaver</name>
    <message>
        <source>No file is open.</source>
        <translation>没有打开的文件。</translation>
    </message>
    <message>
        <source>“%1” is open read-only: enable editing (Ctrl+E) or use File &gt; Save As….</source>
        <translation>“%1”以只读方式打开：请启用编辑（Ctrl+E）或使用 文件 &gt; 另存为…。</translation>
    </message>
    <message>
        <source>A save is already running on “%1”: wait for it to finish.</source>
        <translation>“%1”正在保存：请等待其完成。</translation>
    </message>
    <message>
        <source>A job is running on “%1”: wait for it to finish or cancel it (Jobs panel) first.</source>
        <translation>“%1”上有任务正在运行：请等待其完成，或先取消它（任务面板）。</translation>
    </message>
    <message>
        <source>Cannot check “%1” on disk: %2.</source>
        <translation>无法检查磁盘上的“%1”：%2。</translation>
    </message>
    <message>
        <source>“%1” changed on disk since it was opened: it cannot be saved in place. Use File &gt; Save As… to keep your edits (nothing was written).</source>
        <translation>“%1”自打开后已在磁盘上被更改：不能在原处保存。请使用 文件 &gt; 另存为… 保留您的编辑（未写入任何内容）。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Moving bytes: %1 of %2</source>
        <translation>正在移动字节：%1 / %2</translation>
    </message>
    <message>
        <source>Saved %1 (%2)</source>
        <translation>已保存 %1（%2）</translation>
    </message>
    <message>
        <source>The bytes were saved into the file that was open, but another program replaced %1 or changed its size during the save (%2). The tab now shows what the path names.</source>
        <translation>字节已保存到打开的文件中，但另一个程序在保存期间替换了 %1 或更改了其大小（%2）。标签页现在显示该路径所指的文件。</translation>
    </message>
    <message>
        <source>Save cancelled: %1 is unchanged and your edits are still unsaved.</source>
        <translation>保存已取消：%1 未被更改，您的编辑仍未保存。</translation>
    </message>
    <message>
        <source>Save cancelled part-way: %1 will be completed the next time it is opened (or now: Recover).</source>
        <translation>保存中途取消：%1 将在下次打开时完成（或现在：恢复）。</translation>
    </message>
    <message>
        <source>Could not save %1: %2.</source>
        <translation>无法保存 %1：%2。</translation>
    </message>
    <message>
        <source>Another program changed the file&apos;s size during the save: it now mixes old and new bytes, and its journal cannot complete it. Recover says what it finds.</source>
        <translation>另一个程序在保存期间更改了文件大小：文件现在混合了新旧字节，其日志无法完成保存。“恢复”会说明它发现的情况。</translation>
    </message>
    <message>
        <source>The file will be completed the next time it is opened (or now: Recover).</source>
        <translation>该文件将在下次打开时完成（或现在：恢复）。</translation>
    </message>
    <message>
        <source>The file is unchanged and your edits are still unsaved.</source>
        <translation>文件未被更改，您的编辑仍未保存。</translation>
    </message>
    <message>
        <source>Save Cancelled</source>
        <translation>保存已取消</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Cannot reload %1: %2</source>
        <translation>无法重新加载 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Recover Now</source>
        <translation>立即恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
</context>
<context>
    <name>hexmap::ShiftSupport</name>
    <message>
        <source>&amp;Insert Bytes…</source>
        <translation>插入字节(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Delete Range…</source>
        <translation>删除范围(&amp;D)…</translation>
    </message>
    <message>
        <source>No file is open.</source>
        <translation>没有打开的文件。</translation>
    </message>
    <message>
        <source>“%1” is empty: there is nothing to delete.</source>
        <translation>“%1”是空文件:没有可删除的内容。</translation>
    </message>
    <message>
        <source>Delete Range</source>
        <translation>删除范围</translation>
    </message>
    <message>
        <source>Insert Bytes</source>
        <translation>插入字节</translation>
    </message>
    <message>
        <source>Insert bytes at an offset, moving the rest up (an unsaved edit: File &gt; Save writes it)</source>
        <translation>在某个偏移处插入字节，其后的内容后移（未保存的编辑：文件 &gt; 保存 会写入它）</translation>
    </message>
    <message>
        <source>Delete a range, moving the rest down (an unsaved edit: File &gt; Save writes it)</source>
        <translation>删除一个范围，其后的内容前移（未保存的编辑：文件 &gt; 保存 会写入它）</translation>
    </message>
    <message>
        <source>“%1” is open read-only: enable editing first (Edit &gt; Enable Editing, Ctrl+E).</source>
        <translation>“%1”以只读方式打开：请先启用编辑（编辑 &gt; 启用编辑，Ctrl+E）。</translation>
    </message>
    <message>
        <source>Inserted %1 at %2 (unsaved: File &gt; Save writes it)</source>
        <translation>已在 %2 处插入 %1（未保存：文件 &gt; 保存 会写入它）</translation>
    </message>
    <message>
        <source>Deleted %1 at %2 (unsaved: File &gt; Save writes it)</source>
        <translation>已删除 %2 处的 %1（未保存：文件 &gt; 保存 会写入它）</translation>
    </message>
</context>
<context>
    <name>hexmap::StatusBarWidgets</name>
    <message>
        <source>Offset: 0x%1 (%2)</source>
        <translation>偏移:0x%1(%2)</translation>
    </message>
    <message>
        <source>No selection</source>
        <translation>无选区</translation>
    </message>
    <message>
        <source>Selection: 0x%1 + %2 bytes</source>
        <translation>选区:0x%1 + %2 字节</translation>
    </message>
    <message>
        <source>Size: %1 (%2 bytes)</source>
        <translation>大小:%1(%2 字节)</translation>
    </message>
    <message>
        <source>Read-write</source>
        <translation>读写</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>%1: sectors of %2 bytes (logical), %3 bytes (physical)</source>
        <translation>%1:扇区 %2 字节(逻辑),%3 字节(物理)</translation>
    </message>
    <message>
        <source>Read-write (device)</source>
        <translation>读写(设备)</translation>
    </message>
    <message>
        <source>Read-only (device)</source>
        <translation>只读(设备)</translation>
    </message>
</context>
<context>
    <name>hexmap::StorageCheck</name>
    <message>
        <source>is a FIFO (named pipe)</source>
        <translation>是 FIFO(命名管道)</translation>
    </message>
    <message>
        <source>is a device</source>
        <translation>是设备</translation>
    </message>
    <message>
        <source>is a socket</source>
        <translation>是套接字</translation>
    </message>
    <message>
        <source>is a directory</source>
        <translation>是目录</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>belongs to user %1 while Hexmap runs as root</source>
        <translation>属于用户 %1,而 Hexmap 以 root 身份运行</translation>
    </message>
    <message>
        <source>has other hard links while Hexmap runs as root</source>
        <translation>有其他硬链接,而 Hexmap 以 root 身份运行</translation>
    </message>
    <message>
        <source>is in a directory not owned by root (or a link) while Hexmap runs as root</source>
        <translation>位于不属于 root 的目录(或链接)中,而 Hexmap 以 root 身份运行</translation>
    </message>
    <message>
        <source>cannot be checked: %1</source>
        <translation>无法检查:%1</translation>
    </message>
    <message>
        <source>is a symbolic link to %1, which does not exist</source>
        <translation>是指向 %1 的符号链接,而 %1 不存在</translation>
    </message>
    <message>
        <source>is a symbolic link to %1</source>
        <translation>是指向 %1 的符号链接</translation>
    </message>
    <message>
        <source>is a symbolic link while Hexmap runs as root</source>
        <translation>是符号链接,而 Hexmap 以 root 身份运行</translation>
    </message>
    <message>
        <source>is a symbolic link to something that is not a directory</source>
        <translation>是指向非目录对象的符号链接</translation>
    </message>
</context>
<context>
    <name>hexmap::ValueDecoder</name>
    <message>
        <source> (control)</source>
        <translation>(控制字符)</translation>
    </message>
    <message>
        <source>invalid UTF-8</source>
        <translation>无效的 UTF-8</translation>
    </message>
    <message>
        <source>, combining)</source>
        <translation>，组合字符)</translation>
    </message>
    <message>
        <source> (format)</source>
        <translation>(格式字符)</translation>
    </message>
</context>
<context>
    <name>hexmap::ValueEncoder</name>
    <message>
        <source>Enter a value</source>
        <translation>请输入一个值</translation>
    </message>
    <message>
        <source>%1 is not a hex number: type 0x and hex digits (0-9, A-F)</source>
        <translation>%1 不是十六进制数:请输入 0x 和十六进制数字(0-9、A-F)</translation>
    </message>
    <message>
        <source>%1 does not fit in %2 (0x0 to 0x%3)</source>
        <translation>%1 超出 %2 的范围(0x0 到 0x%3)</translation>
    </message>
    <message>
        <source>%1 is not an integer: type decimal digits, or 0x and hex digits</source>
        <translation>%1 不是整数:请输入十进制数字，或 0x 和十六进制数字</translation>
    </message>
    <message>
        <source>%1 does not fit in %2 (%3 to %4)</source>
        <translation>%1 超出 %2 的范围(%3 到 %4)</translation>
    </message>
    <message>
        <source>%1 is not a number: type a decimal or scientific number (1.5, -2e-3), nan or inf, or 0x and the hex bit pattern</source>
        <translation>%1 不是数字:请输入十进制数或科学计数法数字(1.5、-2e-3)、nan 或 inf，或 0x 和十六进制位模式</translation>
    </message>
    <message>
        <source>%1 does not fit in %2 (largest: %3)</source>
        <translation>%1 超出 %2 的范围(最大值:%3)</translation>
    </message>
    <message>
        <source>%1 does not fit in %2: too close to 0 (it would become 0)</source>
        <translation>%1 超出 %2 的范围:太接近 0(会变成 0)</translation>
    </message>
    <message>
        <source>%1 is not a binary byte: type up to 8 binary digits (0 and 1)</source>
        <translation>%1 不是二进制字节:最多输入 8 位二进制数字(0 和 1)</translation>
    </message>
    <message>
        <source>Enter exactly one character</source>
        <translation>请输入恰好一个字符</translation>
    </message>
</context>
<context>
    <name>hexmap::devicegate</name>
    <message>
        <source>Discard (TRIM): %1 is told that the range is unused and reads it back as zeros; nothing is written through the page cache.</source>
        <translation>丢弃(TRIM):告知 %1 该范围不再使用,读回时为零;不经页缓存写入任何内容。</translation>
    </message>
    <message>
        <source>Zero uses the device&apos;s own zero-out command (BLKZEROOUT) on %1 instead of writing zeros.</source>
        <translation>清零在 %1 上使用设备自身的清零命令(BLKZEROOUT),而不是写入零。</translation>
    </message>
    <message>
        <source>%1 is a block device: it cannot change size, so bytes cannot be inserted or deleted. Overwrite them instead.</source>
        <translation>%1 是块设备:其大小不能改变,因此无法插入或删除字节。请改为覆盖。</translation>
    </message>
</context>
</TS>
