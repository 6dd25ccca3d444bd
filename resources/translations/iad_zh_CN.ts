<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Department interview</source>
        <translation>部门评估访谈</translation>
    </message>
    <message>
        <source>Interview saved.</source>
        <translation>访谈已保存。</translation>
    </message>
    <message>
        <source>Create owed reports</source>
        <translation>生成应交报告</translation>
    </message>
    <message>
        <source>Every participant already has a report.</source>
        <translation>每位参与人员均已有报告。</translation>
    </message>
    <message>
        <source>{n} reports created, due {due}.</source>
        <translation>已生成 {n} 份报告，截止日期 {due}。</translation>
    </message>
    <message>
        <source>Review report</source>
        <translation>审阅报告</translation>
    </message>
    <message>
        <source>Select a report in the Reports tab first.</source>
        <translation>请先在“报告”标签页中选择一份报告。</translation>
    </message>
    <message>
        <source>Visit priority</source>
        <translation>出访优先排序</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Create owed reports</source>
        <translation>生成应交报告(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Overdue reports…</source>
        <translation>逾期报告(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Due for interview…</source>
        <translation>待访谈部门(&amp;D)…</translation>
    </message>
    <message>
        <source>Department &amp;interview…</source>
        <translation>部门评估访谈(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Review report…</source>
        <translation>审阅报告(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Visit priority…</source>
        <translation>出访优先排序(&amp;V)…</translation>
    </message>
    <message>
        <source>No workshop selected</source>
        <translation>未选择研讨会</translation>
    </message>
    <message>
        <source>Select a workshop (a round of an exchange) in the Workshops tab first.</source>
        <translation>请先在“研讨会”标签页中选择一场研讨会（交流的某一轮次）。</translation>
    </message>
    <message>
        <source>Calendar invitation</source>
        <translation>日历邀请</translation>
    </message>
    <message>
        <source>Export calendar invitation</source>
        <translation>导出日历邀请</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Invitation written to %1</source>
        <translation>邀请已写入 %1</translation>
    </message>
    <message>
        <source>Calendar invitation (.ics)…</source>
        <translation>日历邀请（.ics）…</translation>
    </message>
    <message>
        <source>Plan workshop…</source>
        <translation>安排研讨会…</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <source>The program met an error it did not expect: {error}

What you saved before is safe; the last action may not have finished. Details for support are in {file}.</source>
        <translation>程序遇到意外错误：{error}

此前保存的内容不受影响；最后一步操作可能未完成。供技术支持查看的详细信息见 {file}。</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Only an administrator may restore a backup.</source>
        <translation>仅管理员可从备份恢复。</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is restored by its administrator with pg_restore (see docs/shared-database.md).</source>
        <translation>共享 PostgreSQL 数据库由其管理员使用 pg_restore 恢复（见 docs/shared-database.md）。</translation>
    </message>
    <message>
        <source>Replace the database {db} with the backup {file} (saved {when})?

The current database is kept as a copy in {folder}, so you can go back to it.</source>
        <translation>用备份 {file}（保存于 {when}）替换数据库 {db}？

当前数据库将另存一份副本于 {folder}，可随时恢复。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>IAD database backups (*.sqlite3)</source>
        <translation>国际处数据库备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Connect to &amp;shared database…</source>
        <translation>连接共享数据库(&amp;S)…</translation>
    </message>
    <message>
        <source>Work on the &amp;local database</source>
        <translation>使用本地数据库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;History of the selected record…</source>
        <translation>所选记录的修改历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Only an administrator may change users; you may look.</source>
        <translation>仅管理员可修改用户；您可以查看。</translation>
    </message>
    <message>
        <source>Automatic backup failed: {error}</source>
        <translation>自动备份失败：{error}</translation>
    </message>
    <message>
        <source>Automatic backup saved as {file}.</source>
        <translation>已自动备份为 {file}。</translation>
    </message>
    <message>
        <source>Backup restored; the replaced database was kept as {file}.</source>
        <translation>备份已恢复；被替换的数据库已另存为 {file}。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Select a record first; its history then shows who changed what and when.</source>
        <translation>请先选择一条记录，即可查看何人在何时做了哪些修改。</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Semesters</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Topic areas</source>
        <translation>专题领域</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>访谈人</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>review</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>发布情况</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exchanges</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>中文名</source>
        <translation>中文名</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>audit_entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>partners</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>rubric_items</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>semesters</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>topic_areas</source>
        <translation>专题领域</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>评估访谈</translation>
    </message>
    <message>
        <source>follow_up_contacts</source>
        <translation>后续联络</translation>
    </message>
    <message>
        <source>partner_contacts</source>
        <translation>合作院校联系人</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>topic_proposals</source>
        <translation>专题申报</translation>
    </message>
    <message>
        <source>evaluation_actions</source>
        <translation>议定措施</translation>
    </message>
    <message>
        <source>evaluation_scores</source>
        <translation>访谈评分</translation>
    </message>
    <message>
        <source>exchanges</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>outreach</source>
        <translation>对外联络</translation>
    </message>
    <message>
        <source>visit_priorities</source>
        <translation>出访优先</translation>
    </message>
    <message>
        <source>evaluation_exchanges</source>
        <translation>访谈涵盖的交流</translation>
    </message>
    <message>
        <source>exchange_contacts</source>
        <translation>交流联系人</translation>
    </message>
    <message>
        <source>exchange_departments</source>
        <translation>交流参与部门</translation>
    </message>
    <message>
        <source>exchange_partners</source>
        <translation>交流合作院校</translation>
    </message>
    <message>
        <source>participations</source>
        <translation>参与记录</translation>
    </message>
    <message>
        <source>workshops</source>
        <translation>研讨会</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>panels</source>
        <translation>分论坛</translation>
    </message>
    <message>
        <source>preparations</source>
        <translation>准备情况</translation>
    </message>
    <message>
        <source>reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>panel_speakers</source>
        <translation>分论坛发言人</translation>
    </message>
    <message>
        <source>report_files</source>
        <translation>报告附件</translation>
    </message>
    <message>
        <source>{n} {things}</source>
        <translation>{things} {n} 项</translation>
    </message>
    <message>
        <source>manages users and backups, edits everything</source>
        <translation>管理用户和备份，可编辑所有内容</translation>
    </message>
    <message>
        <source>edits everything except users</source>
        <translation>可编辑除用户以外的所有内容</translation>
    </message>
    <message>
        <source>reads and exports only</source>
        <translation>仅可查看和导出</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Learn / share</source>
        <translation>学习 / 分享</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Choose a semester on the toolbar first.</source>
        <translation>请先在工具栏中选择学期。</translation>
    </message>
    <message>
        <source>Select a workshop in the Workshops tab first.</source>
        <translation>请先在“研讨会”标签页中选择一场研讨会。</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Call for topics…</source>
        <translation>专题征集通知(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Outreach to partners…</source>
        <translation>联系合作院校(&amp;O)…</translation>
    </message>
    <message>
        <source>Workshop &amp;invitation…</source>
        <translation>研讨会邀请(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Preparation reminder…</source>
        <translation>准备工作提醒(&amp;P)…</translation>
    </message>
    <message>
        <source>Overdue report &amp;reminders…</source>
        <translation>逾期报告催交(&amp;R)…</translation>
    </message>
    <message>
        <source>Interview &amp;requests…</source>
        <translation>访谈邀约(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;ertificates…</source>
        <translation>证书(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Thank-you and follow-up…</source>
        <translation>致谢与后续联络(&amp;T)…</translation>
    </message>
    <message>
        <source>Message &amp;templates…</source>
        <translation>邮件模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Mail &amp;server…</source>
        <translation>邮件服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Message &amp;log…</source>
        <translation>邮件记录(&amp;L)…</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English and Chinese</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <source>Import departments and partners</source>
        <translation>导入部门和合作院校</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Search &amp;everything…</source>
        <translation>全局搜索(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ActionItemsModel</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Who or which</source>
        <translation>涉及人员或对象</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Double-click or Enter to open</source>
        <translation>双击或按回车键打开</translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due (YYYY-MM-DD)</source>
        <translation>截止日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>AdjustmentDialog</name>
    <message>
        <source>Adjust visit priority</source>
        <translation>调整出访优先分值</translation>
    </message>
    <message>
        <source>{person} — visit to {partner}</source>
        <translation>{person} — 出访 {partner}</translation>
    </message>
    <message>
        <source>Why this candidate should rank higher or lower (required)</source>
        <translation>该人选应排名靠前或靠后的理由（必填）</translation>
    </message>
    <message>
        <source>Last adjusted by {who}.</source>
        <translation>上次由 {who} 调整。</translation>
    </message>
    <message>
        <source>Not adjusted before.</source>
        <translation>此前未调整。</translation>
    </message>
    <message>
        <source>Computed score</source>
        <translation>计算得分</translation>
    </message>
    <message>
        <source>&amp;Adjustment</source>
        <translation>调整分值(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Final score</source>
        <translation>最终得分</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Participant</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>History of {what}</source>
        <translation>{what} 的修改历史</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Time ({zone})</source>
        <translation>时间（{zone}）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Every user</source>
        <translation>所有用户</translation>
    </message>
    <message>
        <source>Every table</source>
        <translation>所有数据表</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>数据表：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>暂无修改记录。</translation>
    </message>
    <message>
        <source>The newest {n} changes; narrow the filters to see older ones.</source>
        <translation>仅显示最近 {n} 条修改；如需查看更早的修改，请缩小筛选范围。</translation>
    </message>
    <message>
        <source>{n} changes.</source>
        <translation>共 {n} 条修改。</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 逗号分隔文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出至 {path}。</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Certificate of participation</source>
        <translation>参与证书</translation>
    </message>
    <message>
        <source>Show every semester</source>
        <translation>显示所有学期</translation>
    </message>
    <message>
        <source>Nobody has taken part in an exchange yet.</source>
        <translation>尚无人员参加交流。</translation>
    </message>
    <message>
        <source>Make certificate</source>
        <translation>生成证书</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Exchange:</source>
        <translation>交流(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Messages: {kind}</source>
        <translation>邮件：{kind}</translation>
    </message>
    <message>
        <source>Each reader&apos;s language</source>
        <translation>按收件人语言</translation>
    </message>
    <message>
        <source>Chinese for everyone</source>
        <translation>全部使用中文</translation>
    </message>
    <message>
        <source>English for everyone</source>
        <translation>全部使用英文</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Mail &amp;server…</source>
        <translation>邮件服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>&amp;Keep this edit</source>
        <translation>保留此修改(&amp;K)</translation>
    </message>
    <message>
        <source>Use the subject and text above for this recipient only</source>
        <translation>仅对此收件人使用上方的主题和正文</translation>
    </message>
    <message>
        <source>&amp;Leave out</source>
        <translation>不发给此人(&amp;L)</translation>
    </message>
    <message>
        <source>Do not write to this recipient in this batch (click again to include them)</source>
        <translation>本批次不给此收件人发信（再次点击即可恢复）</translation>
    </message>
    <message>
        <source>&amp;Undo edit</source>
        <translation>撤销修改(&amp;U)</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Attached:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Save &amp;drafts…</source>
        <translation>保存草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>Write each message as an .eml file that Outlook, Thunderbird or Foxmail opens ready to send</source>
        <translation>将每封邮件保存为 .eml 文件，可在 Outlook、Thunderbird 或 Foxmail 中打开后直接发送</translation>
    </message>
    <message>
        <source>S&amp;end</source>
        <translation>发送(&amp;E)</translation>
    </message>
    <message>
        <source>Send through the mail server, one message at a time (Ctrl+Enter)</source>
        <translation>通过邮件服务器逐封发送（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{n} recipients: {ready} to go out, {before} already sent, {unusable} cannot be written.</source>
        <translation>共 {n} 位收件人：待发送 {ready} 封，此前已发送 {before} 封，无法生成 {unusable} 封。</translation>
    </message>
    <message>
        <source>{n} left out.</source>
        <translation>已排除 {n} 位。</translation>
    </message>
    <message>
        <source>already sent on {day}</source>
        <translation>已于 {day} 发送</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>ready, edited</source>
        <translation>待发送（已修改）</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>draft written</source>
        <translation>已生成草稿</translation>
    </message>
    <message>
        <source>failed: {why}</source>
        <translation>失败：{why}</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>cannot be written: {why}</source>
        <translation>无法生成：{why}</translation>
    </message>
    <message>
        <source>Writing the messages again in another language drops your edits. Continue?</source>
        <translation>以另一种语言重新生成邮件将丢弃您的修改。是否继续？</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>&amp;Include</source>
        <translation>恢复发送(&amp;I)</translation>
    </message>
    <message>
        <source>send messages</source>
        <translation>发送邮件</translation>
    </message>
    <message>
        <source>There is no message to write.</source>
        <translation>没有可生成的邮件。</translation>
    </message>
    <message>
        <source>Folder for the drafts</source>
        <translation>草稿保存文件夹</translation>
    </message>
    <message>
        <source>Writing drafts into {folder}</source>
        <translation>正在将草稿写入 {folder}</translation>
    </message>
    <message>
        <source>Every message has gone out already.</source>
        <translation>所有邮件均已发送。</translation>
    </message>
    <message>
        <source>Mail server</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <source>Password of {user} at {host}:</source>
        <translation>{user} 在 {host} 的密码：</translation>
    </message>
    <message>
        <source>Send messages</source>
        <translation>发送邮件</translation>
    </message>
    <message>
        <source>Send {n} messages through {host} now?</source>
        <translation>现在通过 {host} 发送 {n} 封邮件？</translation>
    </message>
    <message>
        <source>Sending through {host}</source>
        <translation>正在通过 {host} 发送</translation>
    </message>
    <message>
        <source>{sent} sent, {drafted} drafts written, {failed} failed, {left} not attempted.</source>
        <translation>已发送 {sent} 封，已生成草稿 {drafted} 封，失败 {failed} 封，未处理 {left} 封。</translation>
    </message>
    <message>
        <source>Stopped: {why} Send again to go on; nothing is sent twice.</source>
        <translation>已停止：{why} 再次发送即可继续；不会重复发送。</translation>
    </message>
    <message>
        <source>Stopped; send again to go on: nothing is sent twice.</source>
        <translation>已停止；再次发送即可继续：不会重复发送。</translation>
    </message>
    <message>
        <source>Stopping after the current message…</source>
        <translation>当前邮件发送完毕后停止…</translation>
    </message>
    <message>
        <source>Templates saved; change the language or reopen to write the messages again (your edits are kept until then).</source>
        <translation>模板已保存；切换语言或重新打开即可重新生成邮件（在此之前您的修改予以保留）。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved this record</source>
        <translation>他人已保存此记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <source>Stored (saved by someone else)</source>
        <translation>已存储（他人保存）</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep all mine</source>
        <translation>全部保留我的修改</translation>
    </message>
    <message>
        <source>Take all stored</source>
        <translation>全部采用已存储的值</translation>
    </message>
    <message>
        <source>Use these values</source>
        <translation>使用这些值</translation>
    </message>
    <message>
        <source>Back to my form</source>
        <translation>返回我的表单</translation>
    </message>
    <message>
        <source>This {label} (#{id}) was saved by someone else while you were editing it; it is now at version {version}.</source>
        <translation>您编辑期间，此{label}（#{id}）已由他人保存，当前版本为 {version}。</translation>
    </message>
    <message>
        <source>Last saved by {who}.</source>
        <translation>最后保存者：{who}。</translation>
    </message>
    <message>
        <source>Highlighted fields differ. Choose for each what to keep; fields you did not change keep the stored values. Nothing is saved until you save the form again.</source>
        <translation>高亮显示的字段存在差异。请逐项选择保留哪一方；您未修改的字段保留已存储的值。再次保存表单之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Same in both</source>
        <translation>两者相同</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <source>Merge (edit below)</source>
        <translation>合并（在下方编辑）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to shared database</source>
        <translation>连接共享数据库</translation>
    </message>
    <message>
        <source>your database login</source>
        <translation>您的数据库登录名</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>Kept in this computer&apos;s keyring (Windows Credential Manager, macOS Keychain, or the desktop&apos;s Secret Service).</source>
        <translation>保存在本机的密钥环中（Windows 凭据管理器、macOS 钥匙串或桌面环境的 Secret Service）。</translation>
    </message>
    <message>
        <source>This computer has no keyring, so the password is asked at every start and never written to disk.</source>
        <translation>本机没有密钥环，因此每次启动都会询问密码，密码不会写入磁盘。</translation>
    </message>
    <message>
        <source>Server (host):</source>
        <translation>服务器（主机）：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>加密：</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Several officers can work in one PostgreSQL database. Your IT department gives you the server, the database and your own login.</source>
        <translation>多位工作人员可在同一个 PostgreSQL 数据库中协同工作。服务器、数据库名称和您本人的登录名由信息技术部门提供。</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>正在连接 {host}…</translation>
    </message>
    <message>
        <source>The connection failed: {error}</source>
        <translation>连接失败：{error}</translation>
    </message>
    <message>
        <source>The keyring could not keep the password; it will be asked at the next start.</source>
        <translation>密钥环无法保存密码，下次启动时将再次询问。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Partner contact</source>
        <translation>合作院校联系人</translation>
    </message>
</context>
<context>
    <name>ContactLogDialog</name>
    <message>
        <source>Follow-up contact</source>
        <translation>后续联络</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Partner university</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联络方式</translation>
    </message>
    <message>
        <source>People</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>who took part, on both sides</source>
        <translation>双方参与人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>DepartmentsEditor</name>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Contact e-mail</source>
        <translation>联系邮箱</translation>
    </message>
</context>
<context>
    <name>DueForInterviewView</name>
    <message>
        <source>Departments due for an interview</source>
        <translation>待访谈部门</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>No interview for at least</source>
        <translation>未访谈时长至少</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Last workshop held</source>
        <translation>上次举办研讨会</translation>
    </message>
    <message>
        <source>Last interview</source>
        <translation>上次访谈</translation>
    </message>
    <message>
        <source>Workshops held since</source>
        <translation>此后举办的研讨会</translation>
    </message>
    <message>
        <source>&amp;Record interview…</source>
        <translation>记录访谈(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Show department</source>
        <translation>显示部门(&amp;S)</translation>
    </message>
    <message>
        <source>Request by &amp;e-mail…</source>
        <translation>发邮件邀约(&amp;E)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{n} departments are due ({never} never interviewed).</source>
        <translation>共 {n} 个部门待访谈（其中 {never} 个从未访谈）。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Name (&amp;English)</source>
        <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
        <source>Name (&amp;Chinese)</source>
        <translation>中文名称(&amp;C)</translation>
    </message>
</context>
<context>
    <name>EvaluationsTab</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>访谈日期</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>访谈人</translation>
    </message>
    <message>
        <source>Interviewees</source>
        <translation>受访人员</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <source>Scores (1 poor – 5 excellent; 0 = not scored)</source>
        <translation>评分（1 较差 – 5 优秀；0 = 未评分）</translation>
    </message>
    <message>
        <source>Agreed actions and exchanges covered…</source>
        <translation>议定措施及涵盖的交流…</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>The score for {item} must be from 1 to 5 (or not scored); {value} is outside the scale.</source>
        <translation>{item} 的评分须为 1 到 5（或不评分）；{value} 超出了范围。</translation>
    </message>
    <message>
        <source>Score: {item}</source>
        <translation>评分：{item}</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <source>New exchange</source>
        <translation>新建交流</translation>
    </message>
    <message>
        <source>Edit exchange</source>
        <translation>编辑交流</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>optional; printed on Chinese documents</source>
        <translation>选填；用于中文文档</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Accepted topic</source>
        <translation>已采纳专题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Round 1 starts ({zone})</source>
        <translation>第 1 轮开始时间（{zone}）</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>会议平台</translation>
    </message>
    <message>
        <source>Partner universities</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Departments taking part</source>
        <translation>参与部门</translation>
    </message>
    <message>
        <source>Partner-side participants</source>
        <translation>合作院校方参与人员</translation>
    </message>
</context>
<context>
    <name>FirstStepsPage</name>
    <message>
        <source>Welcome: a few steps before the first semester</source>
        <translation>欢迎:开始第一个学期前的几个步骤</translation>
    </message>
    <message>
        <source>This database is new. Add what every semester builds on; the overview of the semester appears here once a semester, a department and a partner exist.</source>
        <translation>这是一个新数据库。请先添加每个学期都要用到的信息;有了学期、部门和合作院校后,这里将显示学期概览。</translation>
    </message>
    <message>
        <source>Open a semester: its name and dates, for example 2027 Spring, and the deadline for topic proposals.</source>
        <translation>开设学期:名称和起止日期(例如 2027 Spring)以及选题征集截止日期。</translation>
    </message>
    <message>
        <source>New &amp;semester…</source>
        <translation>新建学期(&amp;S)…</translation>
    </message>
    <message>
        <source>Add the IAD&apos;s departments that take part (names in English and Chinese, a contact e-mail).</source>
        <translation>添加参与的本校部门(中英文名称、联系邮箱)。</translation>
    </message>
    <message>
        <source>Add &amp;departments…</source>
        <translation>添加部门(&amp;D)…</translation>
    </message>
    <message>
        <source>Add the partner universities, each with its country, city and time zone (the time-slot finder and the agenda use it).</source>
        <translation>添加合作院校,包括国家、城市和时区(时段查找和议程会用到)。</translation>
    </message>
    <message>
        <source>Add a &amp;partner…</source>
        <translation>添加合作院校(&amp;P)…</translation>
    </message>
    <message>
        <source>Or import departments and partners from a spreadsheet you keep (.xlsx with a header row: Name, Chinese name, E-mail for departments; Name, Country, City, Time zone for partners).</source>
        <translation>或从已有的电子表格导入部门和合作院校(.xlsx,带表头:部门为 Name、Chinese name、E-mail;合作院校为 Name、Country、City、Time zone)。</translation>
    </message>
    <message>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>从电子表格导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Topic areas and the evaluation rubric are ready to use; change, retire or reorder them at any time (Edit → Lists…).</source>
        <translation>主题领域和评估指标已可使用;可随时修改、停用或调整顺序(编辑 → 列表…)。</translation>
    </message>
    <message>
        <source>Edit &amp;lists…</source>
        <translation>编辑列表(&amp;L)…</translation>
    </message>
    <message>
        <source>Or try the program first: fill this empty database with demo data (four semesters, departments, partners, workshops and reports). Use a separate database for real work (File → New local database…).</source>
        <translation>或先试用程序:向这个空数据库填入演示数据(四个学期、部门、合作院校、研讨会和报告)。正式工作请使用另一个数据库(文件 → 新建本地数据库…)。</translation>
    </message>
    <message>
        <source>Fill with de&amp;mo data…</source>
        <translation>填入演示数据(&amp;M)…</translation>
    </message>
    <message>
        <source>Then, step by step: collect topics (Topics tab; Export → topic-collection form for each department), offer accepted topics to partners, plan the workshops (Workshops tab), collect reports and interview departments.</source>
        <translation>然后逐步进行:征集选题(选题标签页;导出 → 各部门的选题征集表),向合作院校推荐已接受的选题,安排研讨会(研讨会标签页),收集报告并访谈部门。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待完成</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>Follow-up contacts (kept up by the departments themselves)</source>
        <translation>后续联络（由各部门自行维护）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>联络方式</translation>
    </message>
    <message>
        <source>People</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Log contact…</source>
        <translation>登记联络…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联络记录</translation>
    </message>
    <message>
        <source>Remove the contact of {day} from the log?</source>
        <translation>从联络记录中删除 {day} 的这次联络？</translation>
    </message>
    <message>
        <source>Contact not removed</source>
        <translation>联络记录未删除</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Department interview</source>
        <translation>部门评估访谈</translation>
    </message>
    <message>
        <source>Edit department interview</source>
        <translation>编辑部门评估访谈</translation>
    </message>
    <message>
        <source>Who was interviewed, e.g. director and two officers</source>
        <translation>受访人员，例如处长及两名工作人员</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>访谈</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Semester</source>
        <translation>学期(&amp;S)</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>日期(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Interviewer</source>
        <translation>访谈人(&amp;I)</translation>
    </message>
    <message>
        <source>Inter&amp;viewees</source>
        <translation>受访人员(&amp;V)</translation>
    </message>
    <message>
        <source>Scores (1 = poor, 5 = excellent)</source>
        <translation>评分（1 = 较差，5 = 优秀）</translation>
    </message>
    <message>
        <source>Score from 1 to 5</source>
        <translation>评分 1 至 5</translation>
    </message>
    <message>
        <source>The rubric is empty: add criteria under Edit → Lists… (Evaluation rubric).</source>
        <translation>评估指标为空:请在 编辑 → 列表…(评估指标)中添加。</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>添加措施</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>删除措施</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>评估结论</translation>
    </message>
    <message>
        <source>Agreed actions (with owner and due date)</source>
        <translation>议定措施（含负责人和截止日期）</translation>
    </message>
    <message>
        <source>Exchanges covered</source>
        <translation>涵盖的交流</translation>
    </message>
    <message>
        <source>Action {n}: &apos;{value}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>措施 {n}：“{value}”不是有效日期（YYYY-MM-DD）。</translation>
    </message>
</context>
<context>
    <name>JoinExchangeDialog</name>
    <message>
        <source>Add to exchange</source>
        <translation>加入交流</translation>
    </message>
    <message>
        <source>Exchange:</source>
        <translation>交流：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Print the document in:</source>
        <translation>文档语言：</translation>
    </message>
    <message>
        <source>The default for each document is set in Edit → Settings.</source>
        <translation>各文档的默认语言在“编辑 → 设置”中设定。</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>Lists</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>topic areas</source>
        <translation>主题领域</translation>
    </message>
    <message>
        <source>the evaluation rubric</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <source>Topic areas</source>
        <translation>主题领域</translation>
    </message>
    <message>
        <source>Evaluation rubric</source>
        <translation>评估指标</translation>
    </message>
</context>
<context>
    <name>MailServerDialog</name>
    <message>
        <source>Mail server</source>
        <translation>邮件服务器</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <source>None (only inside the office network)</source>
        <translation>无（仅限办公网络内部）</translation>
    </message>
    <message>
        <source>saved in the keyring</source>
        <translation>已保存在密钥环中</translation>
    </message>
    <message>
        <source>Remember the password in the system&apos;s keyring</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
    <message>
        <source>No keyring on this system: the password is kept until the program closes</source>
        <translation>本系统没有密钥环：密码仅保留到程序关闭</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>安全：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sender address:</source>
        <translation>发件人地址：</translation>
    </message>
    <message>
        <source>Sender name:</source>
        <translation>发件人名称：</translation>
    </message>
    <message>
        <source>Pause between messages:</source>
        <translation>邮件间隔：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>IAD Online Workshops</source>
        <translation>国际处线上研讨会</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>The semester in focus: every list shows this semester</source>
        <translation>当前学期：所有列表均显示该学期的内容</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>The shared database was not opened: the server wants a password.</source>
        <translation>未打开共享数据库：服务器需要密码。</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to {what} first?</source>
        <translation>是否先保存对 {what} 的修改？</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>专题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Partners</source>
        <translation>合作院校(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Workshops</source>
        <translation>研讨会(&amp;W)</translation>
    </message>
    <message>
        <source>P&amp;eople</source>
        <translation>人员(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;valuations</source>
        <translation>评估(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New local database…</source>
        <translation>新建本地数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open local database…</source>
        <translation>打开本地数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Se&amp;mesters…</source>
        <translation>学期(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Departments…</source>
        <translation>部门(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Lists (topic areas, rubric)…</source>
        <translation>列表(主题领域、评估指标)(&amp;L)…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Where is the database?</source>
        <translation>数据库位置(&amp;W)</translation>
    </message>
    <message>
        <source>Fill with &amp;demo data…</source>
        <translation>填入演示数据(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Semester: </source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>All semesters</source>
        <translation>所有学期</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>Semester: {name}</source>
        <translation>学期：{name}</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Opened {db}.</source>
        <translation>已打开 {db}。</translation>
    </message>
    <message>
        <source>New local database</source>
        <translation>新建本地数据库</translation>
    </message>
    <message>
        <source>IAD databases (*.sqlite3)</source>
        <translation>国际处数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>{path} exists already; use Open to work in it.</source>
        <translation>{path} 已存在；请使用“打开”在其中工作。</translation>
    </message>
    <message>
        <source>Open local database</source>
        <translation>打开本地数据库</translation>
    </message>
    <message>
        <source>IAD databases (*.sqlite3);;All files (*)</source>
        <translation>国际处数据库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is backed up by its administrator with pg_dump (see docs/shared-database.md).</source>
        <translation>共享 PostgreSQL 数据库由其管理员使用 pg_dump 备份（见 docs/shared-database.md）。</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>已备份至 {path}。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Only an empty database can be filled with demo data.</source>
        <translation>只有空数据库才能填入演示数据。</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>This database already holds data; demo data only goes into an empty one (File → New local database…).</source>
        <translation>该数据库已有数据；演示数据只能填入空数据库（文件 → 新建本地数据库…）。</translation>
    </message>
    <message>
        <source>Fill {db} with demo data: four semesters, twelve departments, twenty partner universities and their workshops? Everything can be edited or deleted afterwards.</source>
        <translation>向 {db} 填入演示数据：四个学期、十二个部门、二十所合作院校及其研讨会？之后均可编辑或删除。</translation>
    </message>
    <message>
        <source>Adding demo data…</source>
        <translation>正在添加演示数据…</translation>
    </message>
    <message>
        <source>Demo data added.</source>
        <translation>已添加演示数据。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>This window works in:
{db}</source>
        <translation>此窗口使用的数据库：
{db}</translation>
    </message>
    <message>
        <source>About IAD Online Workshops</source>
        <translation>关于国际处线上研讨会</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IAD Online Workshops&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Plan, run and evaluate the International Affairs Division&apos;s online workshops with partner universities.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;&lt;p&gt;Signed in as {user} ({role}).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;国际处线上研讨会&lt;/h3&gt;&lt;p&gt;版本 {version}&lt;/p&gt;&lt;p&gt;规划、组织和评估国际合作与交流处与合作院校的线上研讨会。&lt;/p&gt;&lt;p&gt;数据库：{db}&lt;/p&gt;&lt;p&gt;当前用户：{user}（{role}）。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageLogView</name>
    <message>
        <source>Message log</source>
        <translation>邮件记录</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{n} messages (newest first)</source>
        <translation>共 {n} 封邮件（最新的在前）</translation>
    </message>
</context>
<context>
    <name>MultiSelect</name>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>&amp;Open local database…</source>
        <translation>打开本地数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Work on the &amp;local database</source>
        <translation>使用本地数据库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>The lists appear in a moment.</source>
        <translation>列表稍后显示。</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>OverdueView</name>
    <message>
        <source>Overdue reports</source>
        <translation>逾期报告</translation>
    </message>
    <message>
        <source>Only the semester in focus</source>
        <translation>仅当前学期</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参与人员</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>已催交</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the list shown as an Excel workbook (.xlsx) or a CSV file</source>
        <translation>将当前列表保存为 Excel 工作簿（.xlsx）或 CSV 文件</translation>
    </message>
    <message>
        <source>&amp;Open report</source>
        <translation>打开报告(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remind by e-mail…</source>
        <translation>发邮件催交(&amp;R)…</translation>
    </message>
    <message>
        <source>One reminder to each person in the list, previewed before it goes out</source>
        <translation>向列表中的每个人发送一封催交邮件，发送前可预览</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>所有部门</translation>
    </message>
    <message>
        <source>{kind} for &apos;{exchange}&apos; with {partners}, due {due}: {days} days overdue{late}</source>
        <translation>{kind}（“{exchange}”，合作院校：{partners}），截止 {due}：已逾期 {days} 天{late}</translation>
    </message>
    <message>
        <source> (more than 30 days: shown in red)</source>
        <translation>（逾期超过 30 天：红色显示）</translation>
    </message>
    <message>
        <source>Nobody owes an overdue report.</source>
        <translation>没有逾期未交的报告。</translation>
    </message>
    <message>
        <source>{n} overdue reports in {d} departments: {list}</source>
        <translation>{d} 个部门共 {n} 份逾期报告：{list}</translation>
    </message>
    <message>
        <source>Export overdue reports</source>
        <translation>导出逾期报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Overdue reports as of {day}</source>
        <translation>截至 {day} 的逾期报告</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>Topic proposals</source>
        <translation>专题申报</translation>
    </message>
    <message>
        <source>Workshops held</source>
        <translation>已举办研讨会</translation>
    </message>
    <message>
        <source>Reports submitted</source>
        <translation>已提交报告</translation>
    </message>
    <message>
        <source>Reports published</source>
        <translation>已发布报告</translation>
    </message>
    <message>
        <source>Evaluation average</source>
        <translation>评估平均分</translation>
    </message>
    <message>
        <source>Need action</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Double-click a line (or press Enter) to open the record.</source>
        <translation>双击某行（或按回车键）打开该记录。</translation>
    </message>
    <message>
        <source>{semester} in numbers</source>
        <translation>{semester} 数据一览</translation>
    </message>
    <message>
        <source>Needs action ({n})</source>
        <translation>待处理（{n}）</translation>
    </message>
    <message>
        <source>Topic proposals of the semester, whatever their status.</source>
        <translation>本学期的专题申报（不论状态）。</translation>
    </message>
    <message>
        <source>{n} exchanges</source>
        <translation>{n} 项交流</translation>
    </message>
    <message>
        <source>Rounds marked held, of all rounds not cancelled.</source>
        <translation>已标记为已举办的轮次占全部未取消轮次的比例。</translation>
    </message>
    <message>
        <source>{a} of {b} owed</source>
        <translation>应交 {a} / {b}</translation>
    </message>
    <message>
        <source>Reports past &apos;not submitted&apos;, of every report owed by the semester&apos;s participants.</source>
        <translation>本学期参与人员应交的全部报告中，状态已不再是“未提交”的比例。</translation>
    </message>
    <message>
        <source>{a} of {b} accepted</source>
        <translation>已采纳 {a} / {b}</translation>
    </message>
    <message>
        <source>Accepted reports published on the IAD website or WeChat, of all accepted reports.</source>
        <translation>在国际处网站或微信公众号发布的报告占全部已采纳报告的比例。</translation>
    </message>
    <message>
        <source>departments interviewed: {n}</source>
        <translation>已访谈部门：{n}</translation>
    </message>
    <message>
        <source>Mean over departments of each department&apos;s mean rubric score (1–5).</source>
        <translation>各部门评分标准平均分的部门平均值（1–5）。</translation>
    </message>
    <message>
        <source>no interviews yet</source>
        <translation>暂无访谈</translation>
    </message>
    <message>
        <source>No department was interviewed in this semester.</source>
        <translation>本学期没有部门接受访谈。</translation>
    </message>
    <message>
        <source>overdue reports {r}, interviews due {i}, workshops not marked held {w}</source>
        <translation>逾期报告 {r}，待访谈 {i}，未标记为已举办的研讨会 {w}</translation>
    </message>
    <message>
        <source>Overdue reports, departments due for an interview, past workshops not marked held.</source>
        <translation>逾期报告、待访谈部门、已过期但未标记为已举办的研讨会。</translation>
    </message>
    <message>
        <source>Topics by area and status</source>
        <translation>专题（按领域和状态）</translation>
    </message>
    <message>
        <source>Topics by area and status&lt;br&gt;(none yet)</source>
        <translation>按领域和状态的议题&lt;br&gt;（暂无）</translation>
    </message>
    <message>
        <source>Average evaluation score per department&lt;br&gt;(no interviews yet)</source>
        <translation>各部门平均评估分&lt;br&gt;（尚无访谈）</translation>
    </message>
    <message>
        <source>Workshops by month — none yet</source>
        <translation>研讨会（按月）— 暂无</translation>
    </message>
    <message>
        <source>Workshops by year</source>
        <translation>研讨会（按年）</translation>
    </message>
    <message>
        <source>Workshops by month</source>
        <translation>研讨会（按月）</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举办</translation>
    </message>
    <message>
        <source>Planned or confirmed</source>
        <translation>已计划或已确认</translation>
    </message>
    <message>
        <source>Reports: submission {s}, publication {p}</source>
        <translation>报告：提交 {s}，发布 {p}</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>应交</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Evaluation: lowest and highest {n} of {total} departments</source>
        <translation>评估：{total} 个部门中得分最低和最高的各 {n} 个</translation>
    </message>
    <message>
        <source>Average evaluation score per department</source>
        <translation>各部门平均评估得分</translation>
    </message>
    <message>
        <source>Average (1–5)</source>
        <translation>平均分（1–5）</translation>
    </message>
</context>
<context>
    <name>PanelTableModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>分会场</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Length (min)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>口译</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>译员</translation>
    </message>
    <message>
        <source>Double-click or press Speakers… to choose; * marks the partner&apos;s side</source>
        <translation>双击或点击“发言人…”进行选择；* 表示合作院校方</translation>
    </message>
    <message>
        <source>Type the start as HH:MM in %1</source>
        <translation>请以 HH:MM 格式输入开始时间（%1）</translation>
    </message>
</context>
<context>
    <name>PanelTimeline</name>
    <message>
        <source>Panel timeline</source>
        <translation>分论坛时间轴</translation>
    </message>
    <message>
        <source>+ %1</source>
        <translation>+ %1</translation>
    </message>
    <message>
        <source>No panel selected. Press Tab to select one.</source>
        <translation>未选择分论坛。按 Tab 键选择。</translation>
    </message>
    <message>
        <source>%1, %2 to %3, %4. Arrow keys move, Shift+arrows change the length.</source>
        <translation>%1，%2 至 %3，%4。方向键移动，Shift+方向键调整时长。</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Type a city, a country or a zone, in English or Chinese: New York, 纽约, 美国</source>
        <translation>输入城市、国家或时区(中英文均可):New York、纽约、美国</translation>
    </message>
    <message>
        <source>Office hours start</source>
        <translation>办公时间开始</translation>
    </message>
    <message>
        <source>as in Settings ({start})</source>
        <translation>同设置({start})</translation>
    </message>
    <message>
        <source>The partner&apos;s working day on its own clock; the time-slot finder and the checks use it. Empty: the office hours in Settings</source>
        <translation>合作院校当地的工作时间;时段查找和检查会使用。留空:使用设置中的办公时间</translation>
    </message>
    <message>
        <source>Office hours end</source>
        <translation>办公时间结束</translation>
    </message>
    <message>
        <source>as in Settings ({end})</source>
        <translation>同设置({end})</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>English, German</source>
        <translation>英语、德语</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Exchanges with this partner</source>
        <translation>与该院校的交流</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>First round</source>
        <translation>第一轮</translation>
    </message>
    <message>
        <source>Contact not saved</source>
        <translation>联系人未保存</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联络记录</translation>
    </message>
    <message>
        <source>Remove {name} from this partner&apos;s contacts?</source>
        <translation>从该院校的联系人中删除 {name}？</translation>
    </message>
    <message>
        <source>Contact not removed</source>
        <translation>联络记录未删除</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password for the shared database</source>
        <translation>共享数据库密码</translation>
    </message>
    <message>
        <source>Password of {user} for {where}:</source>
        <translation>{user} 在 {where} 的密码：</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>This computer has no keyring, so the password is asked at every start and never written to disk.</source>
        <translation>本机没有密钥环，因此每次启动都会询问密码，密码不会写入磁盘。</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>&amp;Agenda (PDF)…</source>
        <translation>议程（PDF）(&amp;A)…</translation>
    </message>
    <message>
        <source>Semester &amp;programme (PDF)…</source>
        <translation>学期日程（PDF）(&amp;P)…</translation>
    </message>
    <message>
        <source>Evaluation &amp;summary (PDF)…</source>
        <translation>评估汇总（PDF）(&amp;S)…</translation>
    </message>
    <message>
        <source>Semester &amp;report (PDF)…</source>
        <translation>学期工作报告（PDF）(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Certificate of participation (PDF)…</source>
        <translation>参与证书（PDF）(&amp;C)…</translation>
    </message>
    <message>
        <source>Print pre&amp;view</source>
        <translation>打印预览(&amp;V)</translation>
    </message>
    <message>
        <source>Agenda…</source>
        <translation>议程…</translation>
    </message>
    <message>
        <source>Semester programme…</source>
        <translation>学期日程…</translation>
    </message>
    <message>
        <source>Evaluation summary…</source>
        <translation>评估汇总…</translation>
    </message>
    <message>
        <source>Semester report…</source>
        <translation>学期工作报告…</translation>
    </message>
    <message>
        <source>Certificate…</source>
        <translation>证书…</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Characters the PDF cannot show</source>
        <translation>PDF 无法显示的字符</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Select a workshop in the Workshops tab, or open it in the planner, first.</source>
        <translation>请先在“研讨会”标签页中选择一场研讨会，或在规划器中打开它。</translation>
    </message>
    <message>
        <source>Semester programme</source>
        <translation>学期日程</translation>
    </message>
    <message>
        <source>Evaluation summary</source>
        <translation>评估汇总</translation>
    </message>
    <message>
        <source>Semester report</source>
        <translation>学期工作报告</translation>
    </message>
    <message>
        <source>Choose a semester on the toolbar first.</source>
        <translation>请先在工具栏中选择学期。</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Save {what}</source>
        <translation>保存{what}</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>已保存 {file}</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print preview: {what}</source>
        <translation>打印预览：{what}</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Exchanges taken part in</source>
        <translation>参加过的交流</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Add to exchange…</source>
        <translation>加入交流…</translation>
    </message>
    <message>
        <source>Remove from exchange…</source>
        <translation>移出交流…</translation>
    </message>
    <message>
        <source>Preparation for the selected exchange</source>
        <translation>所选交流的准备情况</translation>
    </message>
    <message>
        <source>One link or file path per line</source>
        <translation>每行一个链接或文件路径</translation>
    </message>
    <message>
        <source>Save preparation</source>
        <translation>保存准备情况</translation>
    </message>
    <message>
        <source>What to learn:</source>
        <translation>希望学习：</translation>
    </message>
    <message>
        <source>What to share:</source>
        <translation>计划分享：</translation>
    </message>
    <message>
        <source>Materials:</source>
        <translation>材料：</translation>
    </message>
    <message>
        <source>Remove from exchange</source>
        <translation>移出交流</translation>
    </message>
    <message>
        <source>Select an exchange first.</source>
        <translation>请先选择一项交流。</translation>
    </message>
    <message>
        <source>Remove {person} from “{exchange}”?</source>
        <translation>将 {person} 移出“{exchange}”？</translation>
    </message>
    <message>
        <source>This also deletes: {goes}.</source>
        <translation>以下内容也将一并删除：{goes}。</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>未移除</translation>
    </message>
    <message>
        <source>Unsaved preparation</source>
        <translation>准备情况未保存</translation>
    </message>
    <message>
        <source>Save the preparation you were writing?</source>
        <translation>是否保存正在填写的准备情况？</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PlannerLayout</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. Chinese–English</source>
        <translation>例如 中文–英文</translation>
    </message>
    <message>
        <source>When and where</source>
        <translation>时间与地点</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>开始时间(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>时长(&amp;L)</translation>
    </message>
    <message>
        <source>On every side</source>
        <translation>各方时间</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>会议平台(&amp;P)</translation>
    </message>
    <message>
        <source>Lin&amp;k</source>
        <translation>链接(&amp;K)</translation>
    </message>
    <message>
        <source>Interpretation &amp;languages</source>
        <translation>口译语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>译员(&amp;I)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>&amp;Add panel</source>
        <translation>添加分论坛(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve panel</source>
        <translation>删除分论坛(&amp;V)</translation>
    </message>
    <message>
        <source>Spea&amp;kers…</source>
        <translation>发言人(&amp;K)…</translation>
    </message>
    <message>
        <source>Drag a panel to move it, its right edge to change its length; Tab selects, arrow keys move by 5 minutes.</source>
        <translation>拖动分论坛可移动其位置，拖动右边缘可调整时长；Tab 键选择，方向键每次移动 5 分钟。</translation>
    </message>
    <message>
        <source>Click a round&apos;s box to cycle: not recorded → attended → absent. The next round starts everyone as absent until you tick them.</source>
        <translation>点击某轮的方框可依次切换：未记录 → 出席 → 缺席。新一轮开始时所有人默认为缺席，直至勾选。</translation>
    </message>
    <message>
        <source>The department continues with this partner on its own</source>
        <translation>该部门与此合作院校自行保持联系</translation>
    </message>
    <message>
        <source>&amp;Minutes</source>
        <translation>会议纪要(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>成果(&amp;O)</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>分论坛</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Minutes and outcome</source>
        <translation>会议纪要与成果</translation>
    </message>
    <message>
        <source>Find a time &amp;slot…</source>
        <translation>查找可用时段(&amp;S)…</translation>
    </message>
    <message>
        <source>Add &amp;next round</source>
        <translation>添加下一轮(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Export invitation (.ics)…</source>
        <translation>导出邀请（.ics）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Confirm workshop</source>
        <translation>确认研讨会(&amp;C)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>计算值</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>最终值</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tie-break</source>
        <translation>同分排序依据</translation>
    </message>
    <message>
        <source>no data → 0</source>
        <translation>无数据 → 0</translation>
    </message>
    <message>
        <source>By {who}: {reason}</source>
        <translation>{who}：{reason}</translation>
    </message>
    <message>
        <source>The fact → the points it gives (fact × weight)</source>
        <translation>事实 → 对应分值（事实 × 权重）</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>{label} (retired)</source>
        <translation>{label}(已停用)</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <source>Type to filter (Ctrl+F)</source>
        <translation>输入以筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>All: {label}</source>
        <translation>全部：{label}</translation>
    </message>
    <message>
        <source>The commands take this number, e.g. iad-workshops export agenda --workshop ID; iad-workshops list shows them all.</source>
        <translation>命令行导出文件时使用此编号；列表命令会列出全部编号。</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>ID {id}</source>
        <translation>编号 {id}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Could not load the list: {error}</source>
        <translation>无法加载列表：{error}</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / {total}</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <source>New {kind}</source>
        <translation>新建{kind}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to {what} first?</source>
        <translation>是否先保存对 {what} 的修改？</translation>
    </message>
    <message>
        <source>Saved {what}.</source>
        <translation>已保存 {what}。</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>{what} cannot be deleted: {refs} still refer to it. Remove or reassign those first.</source>
        <translation>{what} 无法删除：仍有{refs}引用它。请先删除或重新指定这些记录。</translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>删除 {what}？</translation>
    </message>
    <message>
        <source>This also deletes: {goes}.</source>
        <translation>以下内容也将一并删除：{goes}。</translation>
    </message>
    <message>
        <source>Deleted {what}.</source>
        <translation>已删除 {what}。</translation>
    </message>
</context>
<context>
    <name>ReferenceListEditor</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>A retired entry stays on the records that use it but is no longer offered for new ones.</source>
        <translation>已停用的条目仍保留在使用它的记录上,但不再供新记录选择。</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}(已停用)</translation>
    </message>
    <message>
        <source>Bring &amp;back</source>
        <translation>恢复(&amp;B)</translation>
    </message>
    <message>
        <source>Add to {list}</source>
        <translation>添加到{list}</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
</context>
<context>
    <name>ReportReviewDialog</name>
    <message>
        <source>Review report</source>
        <translation>审阅报告</translation>
    </message>
    <message>
        <source>What the author should know (required to request a revision or to reject)</source>
        <translation>需告知作者的意见（要求修改或不予采纳时必填）</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;viewer</source>
        <translation>审阅人(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Only accepted reports can be published.</source>
        <translation>只有已采纳的报告才能发布。</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>发布渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>链接(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>附加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open attachment</source>
        <translation>打开附件(&amp;O)</translation>
    </message>
    <message>
        <source>Save attachment &amp;as…</source>
        <translation>附件另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Prepare article…</source>
        <translation>撰写推文(&amp;P)…</translation>
    </message>
    <message>
        <source>Write a clean article (Markdown or HTML) for the IAD website or WeChat</source>
        <translation>为国际处网站或微信公众号撰写一篇排版整洁的推文（Markdown 或 HTML）</translation>
    </message>
    <message>
        <source>Attached file and article</source>
        <translation>已附加文件和推文</translation>
    </message>
    <message>
        <source>Exchange: {x}</source>
        <translation>交流：{x}</translation>
    </message>
    <message>
        <source>Due {d}</source>
        <translation>截止 {d}</translation>
    </message>
    <message>
        <source>Submitted {d}</source>
        <translation>提交于 {d}</translation>
    </message>
    <message>
        <source>Reminded on {days}</source>
        <translation>已于 {days} 催交</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <source>→ {s}</source>
        <translation>→ {s}</translation>
    </message>
    <message>
        <source>{name}, {size}, SHA-256 {sha}…</source>
        <translation>{name}，{size}，SHA-256 {sha}…</translation>
    </message>
    <message>
        <source>No file attached. Attach the report (up to {mb} MB).</source>
        <translation>未附加文件。请附加报告（不超过 {mb} MB）。</translation>
    </message>
    <message>
        <source>Attach the report</source>
        <translation>附加报告</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.doc *.odt *.txt *.md *.pptx *.xlsx);;All files (*)</source>
        <translation>文档 (*.pdf *.docx *.doc *.odt *.txt *.md *.pptx *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Attached file</source>
        <translation>已附加文件</translation>
    </message>
    <message>
        <source>Save the attached file</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>{file} cannot be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>Save the article</source>
        <translation>保存推文</translation>
    </message>
    <message>
        <source>Markdown (*.md);;HTML (*.html)</source>
        <translation>Markdown (*.md);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Article saved</source>
        <translation>推文已保存</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Participant and exchange</source>
        <translation>参与人员及交流</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审阅人</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>发布于</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Publication link</source>
        <translation>发布链接</translation>
    </message>
    <message>
        <source>Review, publish, attach file…</source>
        <translation>审阅、发布、附加文件…</translation>
    </message>
    <message>
        <source>Record a review, mark the report published, attach or open its file, prepare the article (also: double-click the row)</source>
        <translation>记录审阅意见、标记报告已发布、附加或打开文件、撰写推文（也可双击该行）</translation>
    </message>
    <message>
        <source>WeChat article…</source>
        <translation>微信推文…</translation>
    </message>
    <message>
        <source>Preview the article for the &quot;Global SJTU&quot; WeChat account, copy it or save it as HTML with its pictures</source>
        <translation>预览微信公众号“Global SJTU”的推文，复制推文或连同图片另存为 HTML</translation>
    </message>
    <message>
        <source>Copy for WeChat</source>
        <translation>复制到微信</translation>
    </message>
    <message>
        <source>Put the article on the clipboard with its formatting, ready to paste into the WeChat editor</source>
        <translation>将推文连同格式复制到剪贴板，可直接粘贴到微信编辑器中</translation>
    </message>
    <message>
        <source>WeChat article</source>
        <translation>微信推文</translation>
    </message>
    <message>
        <source>Copied the WeChat article of &quot;{title}&quot;: paste it into the WeChat editor.</source>
        <translation>已复制“{title}”的微信推文：请粘贴到微信编辑器中。</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search everything</source>
        <translation>全局搜索</translation>
    </message>
    <message>
        <source>Part of a name, in English or Chinese: topic, partner, person, workshop, report</source>
        <translation>名称的一部分（中文或英文）：议题、合作院校、人员、研讨会、报告</translation>
    </message>
    <message>
        <source>Nothing is called “{text}”.</source>
        <translation>没有名称包含“{text}”的记录。</translation>
    </message>
</context>
<context>
    <name>SemestersEditor</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Topic collection deadline</source>
        <translation>专题征集截止日期</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>IAD time zone</source>
        <translation>国际处时区</translation>
    </message>
    <message>
        <source>Times are entered and shown in this zone, beside each partner&apos;s own</source>
        <translation>时间按此时区录入和显示，并同时显示各合作院校的当地时间</translation>
    </message>
    <message>
        <source>Office hours start</source>
        <translation>办公时间开始</translation>
    </message>
    <message>
        <source>Office hours end</source>
        <translation>办公时间结束</translation>
    </message>
    <message>
        <source>Workshops outside these hours on any side are flagged; the time-slot finder keeps inside them</source>
        <translation>任何一方超出此时段的研讨会都会被标注；查找可用时段时只在此时段内查找</translation>
    </message>
    <message>
        <source>Agenda language</source>
        <translation>议程语言</translation>
    </message>
    <message>
        <source>Programme language</source>
        <translation>日程语言</translation>
    </message>
    <message>
        <source>Certificate language</source>
        <translation>证书语言</translation>
    </message>
    <message>
        <source>The language this document is printed in unless you choose another when exporting it</source>
        <translation>导出时未另行选择时，该文档使用此语言</translation>
    </message>
    <message>
        <source>Chinese font for PDF</source>
        <translation>PDF 中文字体</translation>
    </message>
    <message>
        <source>found automatically (a .ttf or .ttc file)</source>
        <translation>自动查找（.ttf 或 .ttc 文件）</translation>
    </message>
    <message>
        <source>Visit weight: {part}</source>
        <translation>出访权重：{part}</translation>
    </message>
    <message>
        <source>As the system (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>A new language takes effect when the program is started again.</source>
        <translation>新的界面语言在程序重新启动后生效。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言 / Language(&amp;L)</translation>
    </message>
    <message>
        <source>Choose the Chinese font file…</source>
        <translation>选择中文字体文件…</translation>
    </message>
    <message>
        <source>A new IAD time zone shows in every list after the program is restarted. Settings are kept for your user account on this computer.</source>
        <translation>新的国际处时区在程序重新启动后才会在所有列表中生效。设置保存在本机您的用户账户下。</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>The settings could not be saved: {error}</source>
        <translation>无法保存设置：{error}</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <source>Spare (min)</source>
        <translation>余量（分钟）</translation>
    </message>
    <message>
        <source>Outside office
hours (min)</source>
        <translation>办公时间外
(分钟)</translation>
    </message>
    <message>
        <source>What each side accepts</source>
        <translation>各方需接受的安排</translation>
    </message>
    <message>
        <source>Minutes outside office hours, all sides together</source>
        <translation>各方合计在办公时间之外的分钟数</translation>
    </message>
    <message>
        <source>Minutes between the workshop and the start or end of office hours, on the tightest side</source>
        <translation>研讨会与办公时间开始或结束之间的间隔分钟数（以最紧张的一方计）</translation>
    </message>
</context>
<context>
    <name>SpeakersDialog</name>
    <message>
        <source>Speakers of %1</source>
        <translation>%1 的发言人</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>按姓名筛选…</translation>
    </message>
    <message>
        <source>Our side</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Partner&apos;s side</source>
        <translation>合作院校方</translation>
    </message>
</context>
<context>
    <name>SpreadsheetActions</name>
    <message>
        <source>&amp;Evaluation spreadsheet (Excel)…</source>
        <translation>评估汇总表（Excel）(&amp;E)…</translation>
    </message>
    <message>
        <source>{title} (Excel)…</source>
        <translation>{title}（Excel）…</translation>
    </message>
    <message>
        <source>Topic-collection &amp;forms for all departments…</source>
        <translation>为所有部门生成专题征集表(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Import returned forms…</source>
        <translation>导入回收的申报表(&amp;I)…</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{what}: cancelled; nothing was written.</source>
        <translation>{what}：已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Saved {file} ({n} rows).</source>
        <translation>已保存 {file}（{n} 行）。</translation>
    </message>
    <message>
        <source>Evaluation spreadsheet</source>
        <translation>评估汇总表</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Topic-collection forms</source>
        <translation>专题征集表</translation>
    </message>
    <message>
        <source>Choose the semester the topics are for on the toolbar first.</source>
        <translation>请先在工具栏中选择专题所属的学期。</translation>
    </message>
    <message>
        <source>Folder for the forms</source>
        <translation>申报表保存文件夹</translation>
    </message>
    <message>
        <source>Writing the forms…</source>
        <translation>正在生成申报表…</translation>
    </message>
    <message>
        <source>There are no departments yet, so no form was written.</source>
        <translation>尚无部门，因此未生成申报表。</translation>
    </message>
    <message>
        <source>Wrote {n} topic-collection forms into {folder}.</source>
        <translation>已在 {folder} 中生成 {n} 份专题征集表。</translation>
    </message>
    <message>
        <source>Import returned forms</source>
        <translation>导入回收的申报表</translation>
    </message>
    <message>
        <source>Returned topic-collection forms</source>
        <translation>回收的专题征集表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking {n} file(s)…</source>
        <translation>正在检查 {n} 个文件…</translation>
    </message>
    <message>
        <source>Importing {n} file(s)…</source>
        <translation>正在导入 {n} 个文件…</translation>
    </message>
    <message>
        <source>Some files were not imported:
{problems}</source>
        <translation>部分文件未导入：
{problems}</translation>
    </message>
    <message>
        <source>Imported {files} file(s): {new} new, {updated} updated proposal(s).</source>
        <translation>已导入 {files} 个文件：新增 {new} 项、更新 {updated} 项专题申报。</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Message templates</source>
        <translation>邮件模板</translation>
    </message>
    <message>
        <source>Double-click to insert at the cursor</source>
        <translation>双击在光标处插入</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>邮件：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Placeholders:</source>
        <translation>占位符：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>&amp;Back to the built-in text</source>
        <translation>恢复内置文本(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Your office&apos;s wording</source>
        <translation>本处措辞</translation>
    </message>
    <message>
        <source>Built-in wording</source>
        <translation>内置措辞</translation>
    </message>
    <message>
        <source>Save the changes to this template?</source>
        <translation>是否保存对此模板的修改？</translation>
    </message>
    <message>
        <source>Your office&apos;s wording (saved)</source>
        <translation>本处措辞（已保存）</translation>
    </message>
    <message>
        <source>Replace your office&apos;s wording of this message with the built-in text?</source>
        <translation>用内置文本替换本处对此邮件的措辞？</translation>
    </message>
</context>
<context>
    <name>TimeSlotDialog</name>
    <message>
        <source>Find a time slot</source>
        <translation>查找可用时段</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>每 %1 分钟</translation>
    </message>
    <message>
        <source>Working days only (no weekend or public holiday on any side)</source>
        <translation>仅工作日(任何一方都不在周末或公共假日)</translation>
    </message>
    <message>
        <source>From (%1)</source>
        <translation>起（%1）</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Workshop length</source>
        <translation>研讨会时长</translation>
    </message>
    <message>
        <source>Try starts</source>
        <translation>开始时间间隔</translation>
    </message>
    <message>
        <source>Office hours, each on its own clock: %1.</source>
        <translation>各方当地的办公时间:%1。</translation>
    </message>
    <message>
        <source>Public holidays of %1 are left out.</source>
        <translation>已排除 %1 的公共假日。</translation>
    </message>
    <message>
        <source>No start time puts the whole %1 inside office hours on every side in this range.</source>
        <translation>在此范围内,没有任何开始时间能让整个 %1 都落在各方的办公时间内。</translation>
    </message>
    <message>
        <source>These come nearest; the last column says what each side would have to accept.</source>
        <translation>以下为最接近的时间;最后一列说明各方需要接受的安排。</translation>
    </message>
    <message>
        <source>Try a wider range or a shorter workshop.</source>
        <translation>请扩大日期范围或缩短研讨会时长。</translation>
    </message>
    <message>
        <source>Use this time</source>
        <translation>使用此时间</translation>
    </message>
    <message>
        <source>%1 possible start times, best first (most time to spare on every side).</source>
        <translation>共 %1 个可选开始时间，按优先顺序排列（各方余量最多者在前）。</translation>
    </message>
    <message>
        <source>The first %1 are shown.</source>
        <translation>仅显示前 %1 个。</translation>
    </message>
</context>
<context>
    <name>TopicAreasEditor</name>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Offered on new forms</source>
        <translation>新申报表中提供</translation>
    </message>
</context>
<context>
    <name>TopicImportPreviewDialog</name>
    <message>
        <source>Import returned forms</source>
        <translation>导入回收的申报表</translation>
    </message>
    <message>
        <source>{accepted} of {total} file(s) can be imported: {new} new and {updated} updated proposal(s), {same} unchanged.</source>
        <translation>{total} 个文件中有 {accepted} 个可以导入：新增 {new} 项、更新 {updated} 项专题申报，{same} 项未变。</translation>
    </message>
    <message>
        <source>{n} file(s) are rejected and will not be imported; correct them and import them again.</source>
        <translation>{n} 个文件被拒绝，不会导入；请修改后重新导入。</translation>
    </message>
    <message>
        <source>File / row</source>
        <translation>文件 / 行</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;Import {n} file(s)</source>
        <translation>导入 {n} 个文件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Copy problems</source>
        <translation>复制问题(&amp;C)</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>{department}, {semester}: {new} new, {updated} updated, {same} unchanged</source>
        <translation>{department}，{semester}：新增 {new}，更新 {updated}，未变 {same}</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>{n} problem(s); nothing from this file will be saved</source>
        <translation>{n} 个问题；该文件的内容均不会保存</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>{title} (not in this form: emptied or deleted; the proposal is kept)</source>
        <translation>{title}（不在此表格中：已清空或删除；该主题予以保留）</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>保留</translation>
    </message>
</context>
<context>
    <name>TopicsTab</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>optional; printed on Chinese documents</source>
        <translation>选填；用于中文文档</translation>
    </message>
    <message>
        <source>Semester</source>
        <translation>学期</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Topic area</source>
        <translation>专题领域</translation>
    </message>
    <message>
        <source>Learn or share</source>
        <translation>学习或分享</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Preferred partner region</source>
        <translation>意向合作地区</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容说明</translation>
    </message>
    <message>
        <source>Choose the semester this topic is proposed for.</source>
        <translation>请选择该选题所属的学期。</translation>
    </message>
    <message>
        <source>Topics are collected per semester and there is none yet: open one under Edit → Semesters…</source>
        <translation>选题按学期征集,目前还没有学期:请在 编辑 → 学期… 中开设。</translation>
    </message>
    <message>
        <source>No semester yet</source>
        <translation>尚无学期</translation>
    </message>
    <message>
        <source>Topics are collected for a semester, and this database has none yet. Open a semester now (its name and dates)?</source>
        <translation>选题按学期征集,而此数据库还没有学期。现在开设一个学期(名称和日期)吗?</translation>
    </message>
    <message>
        <source>Outreach to partners</source>
        <translation>联系合作院校</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>联系日期</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Accept the topic to offer it to partner universities.</source>
        <translation>采纳该专题后方可向合作院校推荐。</translation>
    </message>
    <message>
        <source>Offer to partner</source>
        <translation>推荐给合作院校</translation>
    </message>
    <message>
        <source>Set status of selected</source>
        <translation>设置所选专题的状态</translation>
    </message>
    <message>
        <source>E-mail the partners…</source>
        <translation>发邮件给合作院校…</translation>
    </message>
    <message>
        <source>Write to the contacts of every partner this topic is offered to; sent messages mark the outreach contacted</source>
        <translation>给推荐此专题的每所合作院校的联系人写信；发送后，对外联络标记为已联系</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <source>Choose a partner university from the list; new universities are added in the Partners tab.</source>
        <translation>请从列表中选择合作院校；新院校在“合作院校”标签页中添加。</translation>
    </message>
    <message>
        <source>There is no partner university yet: add one in the Partners tab first.</source>
        <translation>还没有合作院校：请先在“合作院校”标签页中添加。</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未修改</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
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
        <source>the database login, e.g. wang.fang</source>
        <translation>数据库登录名，例如 wang.fang</translation>
    </message>
    <message>
        <source>May sign in with this role</source>
        <translation>可用此角色登录</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>启用：</translation>
    </message>
    <message>
        <source>&amp;New user</source>
        <translation>新建用户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Only an administrator can add or change users; you are signed in as {user} ({role}).</source>
        <translation>仅管理员可添加或修改用户；您当前以 {user}（{role}）身份登录。</translation>
    </message>
    <message>
        <source>Saved {user}.</source>
        <translation>已保存 {user}。</translation>
    </message>
</context>
<context>
    <name>VisitRankingView</name>
    <message>
        <source>Visit priority</source>
        <translation>出访优先排序</translation>
    </message>
    <message>
        <source>&amp;Recompute</source>
        <translation>重新计算(&amp;R)</translation>
    </message>
    <message>
        <source>Gather today&apos;s facts and the weights in Settings, and save</source>
        <translation>汇总截至今日的情况和“设置”中的权重，并保存</translation>
    </message>
    <message>
        <source>&amp;Partner:</source>
        <translation>合作院校(&amp;P)：</translation>
    </message>
    <message>
        <source>Select a candidate to see how the score is made up.</source>
        <translation>选择一名人选以查看得分构成。</translation>
    </message>
    <message>
        <source>&amp;Adjust…</source>
        <translation>调整(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Nominate</source>
        <translation>提名(&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Mark &amp;visited</source>
        <translation>标记为已出访(&amp;V)</translation>
    </message>
    <message>
        <source>Step &amp;back</source>
        <translation>撤回一步(&amp;B)</translation>
    </message>
    <message>
        <source>Undo the last status step of the selected candidate</source>
        <translation>撤销所选人选的上一步状态变更</translation>
    </message>
    <message>
        <source>{name} ({n} candidates)</source>
        <translation>{name}（{n} 名人选）</translation>
    </message>
    <message>
        <source>No partner has met any of our staff online yet.</source>
        <translation>尚无合作院校与我校人员进行过线上交流。</translation>
    </message>
    <message>
        <source>Score = sum of (fact × weight): {weights}; final = computed + adjustment. Ties: more rounds attended, then earlier report submission, then name.</source>
        <translation>得分 = ∑（事实 × 权重）：{weights}；最终得分 = 计算得分 + 调整分值。同分时依次比较：参加轮次较多者、报告提交较早者、姓名。</translation>
    </message>
    <message>
        <source>Preview from today&apos;s facts, not saved yet: press Recompute to save this ranking of {n} participants.</source>
        <translation>根据今日情况生成的预览，尚未保存：点击“重新计算”以保存这份包含 {n} 名参与人员的排序。</translation>
    </message>
    <message>
        <source>Computed {when}.</source>
        <translation>计算于 {when}。</translation>
    </message>
    <message>
        <source>facts changed for {names}</source>
        <translation>{names} 的情况有变化</translation>
    </message>
    <message>
        <source>not ranked yet: {names}</source>
        <translation>尚未排序：{names}</translation>
    </message>
    <message>
        <source>the weights in Settings changed</source>
        <translation>“设置”中的权重已更改</translation>
    </message>
    <message>
        <source>Since then: {notes}. Press Recompute to update.</source>
        <translation>此后：{notes}。点击“重新计算”以更新。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
</context>
<context>
    <name>WeChatArticleDialog</name>
    <message>
        <source>WeChat article</source>
        <translation>微信推文</translation>
    </message>
    <message>
        <source>This is how the article will look in the WeChat editor. Copy it, then paste it into the editor of the &quot;Global SJTU&quot; account; its formatting comes along. Pictures are not carried by the clipboard: save the article as HTML and upload them from its folder.</source>
        <translation>以下为推文在微信编辑器中的效果。复制后粘贴到“Global SJTU”公众号的编辑器中，格式会一并带入。剪贴板无法带入图片：请将推文另存为 HTML，再从其文件夹中上传图片。</translation>
    </message>
    <message>
        <source>&amp;Copy for WeChat</source>
        <translation>复制到微信(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as HTML…</source>
        <translation>另存为 HTML(&amp;S)…</translation>
    </message>
    <message>
        <source>Copied. Paste it into the WeChat editor.</source>
        <translation>已复制。请粘贴到微信编辑器中。</translation>
    </message>
    <message>
        <source>Save the WeChat article</source>
        <translation>保存微信推文</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>The article could not be saved: {error}</source>
        <translation>无法保存推文：{error}</translation>
    </message>
    <message>
        <source>Saved {file} and {count} picture(s) beside it.</source>
        <translation>已保存 {file}，同目录下另有 {count} 张图片。</translation>
    </message>
</context>
<context>
    <name>WorkshopPlanner</name>
    <message>
        <source>Workshop planner</source>
        <translation>研讨会策划</translation>
    </message>
    <message>
        <source>%1 · round %2</source>
        <translation>%1 · 第 %2 轮</translation>
    </message>
    <message>
        <source>no partner yet</source>
        <translation>尚无合作院校</translation>
    </message>
    <message>
        <source>Round %1 of %2 · with %3 · workshop ID %4 · exchange ID %5</source>
        <translation>第 %1 轮，共 %2 轮 · 与 %3 · 研讨会编号 %4 · 交流编号 %5</translation>
    </message>
    <message>
        <source>%1 does not exist in %2 that day (the clocks go forward); choose another time.</source>
        <translation>当天 %2 不存在 %1 这一时刻（时钟拨快）；请选择其他时间。</translation>
    </message>
    <message>
        <source>New panel</source>
        <translation>新分论坛</translation>
    </message>
    <message>
        <source>No problem: every rule is met.</source>
        <translation>没有问题：所有规则均已满足。</translation>
    </message>
    <message>
        <source>%1 error(s) (they block confirming), %2 warning(s).</source>
        <translation>%1 个错误（无法确认），%2 个警告。</translation>
    </message>
    <message>
        <source>%1, ends %2</source>
        <translation>%1，结束于 %2</translation>
    </message>
    <message>
        <source>Only a multi-round dialogue with rounds still to plan gets a next round.</source>
        <translation>只有尚有轮次待安排的多轮对话才能添加下一轮。</translation>
    </message>
    <message>
        <source>Nothing was saved: someone else saved this %1 while you were editing it. Your changes are still here; press Revert to load their version (your changes are then lost), or note yours first.</source>
        <translation>未保存：您编辑期间，他人已保存此%1。您的修改仍保留在此；点击“还原”可载入对方的版本（您的修改将丢失），或先记下您的修改。</translation>
    </message>
    <message>
        <source>Their version: %1</source>
        <translation>对方的版本：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save your changes to this workshop before you %1?</source>
        <translation>在%1之前，是否保存对此研讨会的修改？</translation>
    </message>
    <message>
        <source>add the next round</source>
        <translation>添加下一轮</translation>
    </message>
    <message>
        <source>export the invitation</source>
        <translation>导出邀请</translation>
    </message>
    <message>
        <source>Export calendar invitation</source>
        <translation>导出日历邀请</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>The invitation could not be written: %1</source>
        <translation>无法写入邀请：%1</translation>
    </message>
</context>
<context>
    <name>WorkshopsTab</name>
    <message>
        <source>Starts ({zone})</source>
        <translation>开始时间（{zone}）</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交流</translation>
    </message>
    <message>
        <source>Chinese title</source>
        <translation>中文标题</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作院校</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>会议平台</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Meeting link</source>
        <translation>会议链接</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>口译</translation>
    </message>
    <message>
        <source>e.g. Chinese–English</source>
        <translation>例如 中文–英文</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>译员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Department continues contact on its own</source>
        <translation>部门自行保持联系</translation>
    </message>
    <message>
        <source>Workshop ID {workshop} · exchange ID {exchange}</source>
        <translation>研讨会编号 {workshop} · 交流编号 {exchange}</translation>
    </message>
    <message>
        <source>round {n} of {m}</source>
        <translation>第 {n} 轮（共 {m} 轮）</translation>
    </message>
    <message>
        <source>Exchange and panels</source>
        <translation>交流与分论坛</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>分会场</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>分论坛</translation>
    </message>
    <message>
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Exchange:</source>
        <translation>交流：</translation>
    </message>
    <message>
        <source>Local times:</source>
        <translation>当地时间：</translation>
    </message>
    <message>
        <source>Edit exchange…</source>
        <translation>编辑交流…</translation>
    </message>
    <message>
        <source>Title, rounds, partners, departments and partner-side participants</source>
        <translation>标题、轮次、合作院校、参与部门和合作院校方参与人员</translation>
    </message>
    <message>
        <source>Plan panels, times and attendance…</source>
        <translation>安排分论坛、时间和出席情况…</translation>
    </message>
    <message>
        <source>Open this round in the planner (also: double-click the row, Ctrl+Shift+P)</source>
        <translation>在策划界面中打开此轮（也可双击该行，或按 Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>E-mail…</source>
        <translation>发送邮件…</translation>
    </message>
    <message>
        <source>Invitations, preparation reminders, certificates and thank-you notes for this round, previewed before they go out</source>
        <translation>本轮次的邀请、准备工作提醒、证书和致谢邮件，发送前可预览</translation>
    </message>
    <message>
        <source>Invitation with the calendar entry…</source>
        <translation>附日历条目的邀请…</translation>
    </message>
    <message>
        <source>Preparation reminder…</source>
        <translation>准备工作提醒…</translation>
    </message>
    <message>
        <source>Certificates to this round&apos;s attendees…</source>
        <translation>给本轮出席人员的证书…</translation>
    </message>
    <message>
        <source>Thank-you to the partner contacts…</source>
        <translation>致合作院校联系人的感谢信…</translation>
    </message>
</context>
</TS>
