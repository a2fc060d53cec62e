"""Keeping the reporter's traces out of error reports: on the report channel's requests, the
error page (DEBUG) and the error e-mail (ADMINS) show no request headers (IP address, user
agent, referrer) and no submitted values."""

from django.views.debug import SafeExceptionReporterFilter


class ReportsExceptionReporterFilter(SafeExceptionReporterFilter):
    def is_active(self, request):
        return True

    def get_safe_request_meta(self, request):
        return {"META": self.cleansed_substitute}

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(self, request, tb_frame):
        return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]


def protect(request) -> None:
    request.exception_reporter_filter = ReportsExceptionReporterFilter()
