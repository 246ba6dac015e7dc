"""The partner directory: approved organisations, filterable by kind, area and asset."""


class PartnerDirectory:
    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
