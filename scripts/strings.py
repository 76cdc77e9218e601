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
