#!/usr/bin/env python3
"""Writes src/CommitteeCloud.Web/Resources/Ui.resx (Vietnamese, the neutral culture) and Ui.en.resx from one table,
so the two languages never drift apart: a key missing in one is a key missing in both. Run after editing STRINGS."""
import html, os

STRINGS = {
    # key: (vi, en)
    "AppName": ("CommitteeCloud", "CommitteeCloud"),
    "Tagline": ("Quản lý công tác dân vận", "Mass-mobilization work management"),
    "Problem.Validation": ("Dữ liệu không hợp lệ", "The input is not valid"),
    "Problem.NotFound": ("Không tìm thấy", "Not found"),
    "Problem.TenantNotFound": ("Không tìm thấy đơn vị", "Organization not found"),
    "Problem.TenantSuspended": ("Đơn vị đang bị tạm ngừng hoạt động", "This organization is suspended"),
    "Problem.TenantRequired": ("Cần chỉ rõ đơn vị (tiền tố /t/{mã} hoặc tiêu đề X-Tenant)", "An organization is required (/t/{code} prefix or X-Tenant header)"),
    "Problem.Forbidden": ("Bạn không có quyền thực hiện thao tác này", "You are not allowed to do this"),
    "Problem.Unauthenticated": ("Cần đăng nhập", "Sign-in required"),
    "Problem.Conflict": ("Dữ liệu đã bị thay đổi bởi người khác; hãy tải lại và thử lại", "Someone else changed this; reload and try again"),
    "Problem.Duplicate": ("Dữ liệu đã tồn tại", "This already exists"),
    "Problem.BadJson": ("Nội dung gửi lên không đúng định dạng JSON", "The request body is not valid JSON"),
    "Problem.BadRequest": ("Yêu cầu không hợp lệ", "Bad request"),
    "Problem.TooLarge": ("Nội dung gửi lên quá lớn", "The request is too large"),
    "Problem.Server": ("Có lỗi xảy ra; chúng tôi đã ghi nhận và sẽ xử lý", "Something went wrong; it has been logged"),
    "Nav.Home": ("Trang chủ", "Home"),
    "Nav.Members": ("Thành viên", "Members"),
    "Nav.Api": ("Tài liệu API", "API reference"),
    "Nav.ChooseTenant": ("Chọn đơn vị", "Choose organization"),
    "Nav.SwitchTenant": ("Chuyển đơn vị", "Switch organization"),
    "Nav.SignOut": ("Đăng xuất", "Sign out"),
    "Nav.Language": ("Ngôn ngữ", "Language"),
    "SignIn.Title": ("Đăng nhập", "Sign in"),
    "SignIn.UserName": ("Tên đăng nhập hoặc email", "User name or e-mail"),
    "SignIn.Password": ("Mật khẩu", "Password"),
    "SignIn.Submit": ("Đăng nhập", "Sign in"),
    "SignIn.Failed": ("Tên đăng nhập hoặc mật khẩu không đúng", "Wrong user name or password"),
    "SignIn.LockedOut": ("Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau 15 phút", "Account locked after repeated failures; try again in 15 minutes"),
    "SignIn.Demo": ("Tài khoản dùng thử", "Demo accounts"),
    "Home.Welcome": ("Xin chào, {0}", "Hello, {0}"),
    "Home.Unread": ("Thông báo chưa đọc", "Unread notifications"),
    "Home.NoUnread": ("Không có thông báo mới", "No new notifications"),
    "Home.MarkRead": ("Đánh dấu đã đọc", "Mark as read"),
    "Home.MarkAllRead": ("Đánh dấu tất cả đã đọc", "Mark all as read"),
    "Home.Live": ("Cập nhật trực tiếp", "Live"),
    "Home.YourRoles": ("Vai trò của bạn", "Your roles"),
    "Tenants.None": ("Bạn chưa là thành viên của đơn vị nào", "You are not a member of any organization yet"),
    "Tenants.Title": ("Đơn vị của bạn", "Your organizations"),
    "Members.Title": ("Thành viên", "Members"),
    "Members.Add": ("Thêm thành viên", "Add member"),
    "Members.FullName": ("Họ và tên", "Full name"),
    "Members.Email": ("Email", "E-mail"),
    "Members.UserName": ("Tên đăng nhập", "User name"),
    "Members.Position": ("Chức vụ", "Position"),
    "Members.Roles": ("Vai trò", "Roles"),
    "Members.InitialPassword": ("Mật khẩu ban đầu (nếu là tài khoản mới)", "Initial password (for a new account)"),
    "Members.Added": ("Đã thêm thành viên", "Member added"),
    "Members.Joined": ("Ngày tham gia", "Joined"),
    "Nav.Tree": ("Cây tổ chức", "Organization tree"),
    "Nav.Leaders": ("Phân công lãnh đạo", "Leader in charge"),
    "Tree.Title": ("Cây tổ chức", "Organization tree"),
    "Tree.Search": ("Tìm đơn vị (không cần dấu)", "Find a unit (diacritics optional)"),
    "Tree.Members": ("thành viên", "members"),
    "Tree.LeaderAssigned": ("Đã phân công", "Leader assigned"),
    "Tree.LeaderMissing": ("Chưa có phân công", "No leader assigned"),
    "Tree.Suspended": ("Tạm ngừng", "Suspended"),
    "Tree.Coverage": ("{0}/{1} đơn vị có quyết định phân công lãnh đạo phụ trách còn hiệu lực", "{0} of {1} units have a written leader assignment in force"),
    "Tree.Provision": ("Thêm đơn vị trực thuộc", "Add a subordinate unit"),
    "Tree.Code": ("Mã đơn vị", "Code"),
    "Tree.Name": ("Tên đơn vị", "Name"),
    "Tree.Kind": ("Loại tổ chức", "Kind"),
    "Tree.Level": ("Cấp", "Level"),
    "Tree.Parent": ("Trực thuộc", "Under"),
    "Tree.FirstSecretaryEmail": ("Email của bí thư", "Secretary's e-mail"),
    "Tree.FirstSecretaryName": ("Họ tên bí thư (nếu là tài khoản mới)", "Secretary's name (new account)"),
    "Tree.Provisioned": ("Đã thêm đơn vị", "Unit added"),
    "Tree.Suspend": ("Tạm ngừng", "Suspend"),
    "Tree.Reactivate": ("Hoạt động lại", "Reactivate"),
    "Leaders.Title": ("Phân công lãnh đạo phụ trách công tác dân vận", "Leader in charge of mass-mobilization work"),
    "Leaders.InForce": ("Đang có quyết định phân công còn hiệu lực", "A written assignment is in force"),
    "Leaders.None": ("Chưa có quyết định phân công còn hiệu lực", "No written assignment in force"),
    "Leaders.Record": ("Ghi nhận quyết định phân công", "Record an assignment"),
    "Leaders.DecisionNumber": ("Số, ký hiệu quyết định", "Decision number"),
    "Leaders.DecisionDate": ("Ngày quyết định", "Decision date"),
    "Leaders.Signer": ("Người ký", "Signer"),
    "Leaders.SignerCapacity": ("Thẩm quyền ký", "Signing capacity"),
    "Leaders.Leader": ("Lãnh đạo được phân công", "Leader"),
    "Leaders.Position": ("Chức vụ", "Position"),
    "Leaders.Scope": ("Phạm vi phụ trách", "Scope"),
    "Leaders.From": ("Hiệu lực từ", "In force from"),
    "Leaders.To": ("Đến", "Until"),
    "Leaders.Status": ("Trạng thái", "Status"),
    "Leaders.Recorded": ("Đã ghi nhận quyết định phân công", "Assignment recorded"),
    "Leaders.Status.Current": ("Còn hiệu lực", "In force"),
    "Leaders.Status.Superseded": ("Đã được thay thế", "Superseded"),
    "Leaders.Status.Lapsed": ("Hết hiệu lực", "Lapsed"),
    "Members.Remove": ("Xóa khỏi đơn vị", "Remove"),
    "Members.Removed": ("Đã xóa thành viên khỏi đơn vị", "Member removed"),
    "Nav.Roles": ("Vai trò", "Roles"),
    "Roles.Title": ("Vai trò và quyền", "Roles and permissions"),
    "Roles.Saved": ("Đã lưu vai trò", "Role saved"),
    "Roles.Stale": ("Vai trò vừa được người khác sửa; đã tải lại bản mới nhất", "Someone else just changed this role; the latest version was reloaded"),
    "Permission.tenant.view": ("Xem đơn vị", "View the organization"),
    "Permission.members.view": ("Xem thành viên", "View members"),
    "Permission.members.manage": ("Quản lý thành viên", "Manage members"),
    "Permission.roles.manage": ("Điều chỉnh vai trò", "Adjust roles"),
    "Permission.audit.view": ("Xem nhật ký", "View the audit trail"),
    "Permission.tenants.manage": ("Quản lý đơn vị trực thuộc", "Manage subordinate units"),
    "Permission.subtree.view": ("Giám sát đơn vị cấp dưới", "Supervise subordinate units"),
    "Permission.leaders.manage": ("Phân công lãnh đạo phụ trách", "Assign the leader in charge"),
    "Common.Save": ("Lưu", "Save"),
    "Common.Cancel": ("Hủy", "Cancel"),
    "Common.Loading": ("Đang tải…", "Loading…"),
    "Common.Search": ("Tìm kiếm", "Search"),
    "Reconnect.Lost": ("Mất kết nối tới máy chủ. Đang kết nối lại… Dữ liệu bạn đang nhập vẫn được giữ.", "Connection lost. Reconnecting… What you typed is kept."),
    "Reconnect.Failed": ("Không kết nối lại được.", "Could not reconnect."),
    "Reconnect.Retry": ("Thử lại", "Retry"),
    "Reconnect.Reload": ("Tải lại trang", "Reload"),
    "Notification.MemberAdded.Title": ("Bạn được thêm vào {0}", "You were added to {0}"),
    "Notification.MemberAdded.Body": ("Vai trò: {0}", "Roles: {0}"),
}

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, index):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key, values in STRINGS.items():
            f.write(f'  <data name="{html.escape(key)}" xml:space="preserve"><value>{html.escape(values[index], quote=False)}</value></data>\n')
        f.write("</root>\n")

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "CommitteeCloud.Web", "Resources")
write(os.path.join(out, "Ui.resx"), 0)
write(os.path.join(out, "Ui.en.resx"), 1)
