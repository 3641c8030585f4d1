from django import forms


class SearchForm(forms.Form):
    MAX_QUERY_LENGTH = 200

    q = forms.CharField(required=False, strip=True)

    def clean_q(self):
        """The words searched for: double quotes are dropped (the SQLite search engine
        would read one as broken syntax and fail), and a longer query is cut, not refused."""
        return " ".join(self.cleaned_data["q"].replace('"', " ").split())[: self.MAX_QUERY_LENGTH]
