"""The accessibility statement (« Déclaration d'accessibilité », RGAA 4.1 model), the
multi-year plan, and the problems people report through the statement's form."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.http import HttpResponseNotAllowed
from django.utils.crypto import get_random_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField

from accessibility import emails, rules
from accessibility.forms import ReportForm
from core.ratelimit import RateLimit
from home import documents
from home.models import BasePage

REPORTS_LIMIT = RateLimit("accessibility-report", "ACCESSIBILITY_REPORTS_PER_HOUR")

# The RGAA 4.1 counts 106 criteria; a site uses fewer (no video, no canvas…).
RGAA_CRITERIA = 106


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


class AccessibilityStatementPage(RoutablePageMixin, BasePage):
    """The statement the law asks for, in the RGAA's order, with the form to report a problem."""

    audit_date = models.DateField(_("date de l'évaluation"), null=True, blank=True)
    audit_by = models.CharField(
        _("évaluation faite par"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple\u00a0: «\u00a0auto-évaluation par la coordination du collectif\u00a0»."),
    )
    criteria_applicable = models.PositiveSmallIntegerField(
        _("critères RGAA applicables"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(RGAA_CRITERIA)],
        help_text=_(
            "Vide tant qu'aucune évaluation n'a été faite\u00a0: le site est alors «\u00a0non conforme\u00a0»."
        ),
    )
    criteria_met = models.PositiveSmallIntegerField(
        _("critères RGAA respectés"), null=True, blank=True, validators=[MaxValueValidator(RGAA_CRITERIA)]
    )
    non_compliances = RichTextField(
        _("contenus non accessibles\u00a0: non-conformités"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Chaque défaut trouvé, dit simplement, et pourquoi il gêne."),
    )
    disproportionate_burden = RichTextField(
        _("dérogations pour charge disproportionnée"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    exempted_content = RichTextField(
        _("contenus non soumis à l'obligation d'accessibilité"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    alternatives = RichTextField(
        _("comment obtenir ces contenus autrement"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Par téléphone, sur place, sur papier…"),
    )
    technologies = models.TextField(_("technologies utilisées"), blank=True, help_text=_("Une par ligne."))
    tools = models.TextField(_("outils utilisés pour l'évaluation"), blank=True, help_text=_("Un par ligne."))
    pages_audited = models.TextField(
        _("pages évaluées"),
        blank=True,
        help_text=_("Une par ligne\u00a0: le titre, puis l'adresse, par exemple «\u00a0Agenda — /agenda/\u00a0»."),
    )
    answer_days = models.PositiveSmallIntegerField(
        _("délai de réponse (jours ouvrés)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Le délai promis aux personnes qui signalent un problème."),
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["accessibility.AccessibilityPlanPage"]
    template = "accessibility/statement_page.html"

    content_panels = [
        HelpPanel(
            content=_(
                "<p>La déclaration d'accessibilité que la loi demande (article 47 de la loi du 11 février 2005), "
                "dans l'ordre du modèle du RGAA. L'état de conformité est calculé à partir des critères respectés. "
                "Le formulaire «\u00a0Signaler un problème d'accessibilité\u00a0» "
                "est ajouté tout seul en bas de la page.</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audit_date"), FieldPanel("audit_by")]),
                FieldRowPanel([FieldPanel("criteria_met"), FieldPanel("criteria_applicable")]),
                FieldPanel("pages_audited"),
                FieldPanel("tools"),
                FieldPanel("technologies"),
            ],
            heading=_("Évaluation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("non_compliances"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("exempted_content"),
                FieldPanel("alternatives"),
            ],
            heading=_("Contenus non accessibles"),
        ),
        FieldPanel("answer_days"),
    ]

    class Meta:
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclarations d'accessibilité")

    @property
    def criteria_met_percent(self):
        return rules.criteria_met_percent(self.criteria_met, self.criteria_applicable)

    @property
    def compliance(self):
        return rules.compliance(self.criteria_met, self.criteria_applicable)

    @property
    def compliance_label(self):
        return rules.Compliance(self.compliance).label

    @property
    def tool_lines(self):
        return lines(self.tools)

    @property
    def technology_lines(self):
        return lines(self.technologies)

    @property
    def audited_pages(self):
        """(title, address) of each page evaluated; a line without « — » is a title alone."""
        return [tuple(part.strip() for part in line.partition("—")[::2]) for line in lines(self.pages_audited)]

    def inaccessible_documents(self):
        """The documents offered for download that are not accessible: the statement lists
        them itself, so that the list is never forgotten when one is added (RGAA 13.3)."""
        return documents.inaccessible_documents()

    @property
    def plan(self):
        return AccessibilityPlanPage.objects.child_of(self).live().order_by("-year").first()

    @path("signaler/")
    def report(self, request):
        if request.method not in ("GET", "POST"):
            return HttpResponseNotAllowed(["GET", "POST"])
        form = ReportForm(request.POST or None, initial={"form_key": get_random_string(32)})
        refusal, status = None, 200
        if request.method == "POST":
            if REPORTS_LIMIT.exceeded(request):
                refusal = gettext("Trop de messages depuis votre connexion. Réessayez dans une heure, ou appelez-nous.")
                status = 429
            else:
                REPORTS_LIMIT.record(request, accepted=form.is_valid())
                if form.is_valid():
                    store_report(form.cleaned_data, self)
                    response = self.render(request, template="accessibility/report_sent.html")
                    response.status_code = 201
                    return response
                status = 400
        context = {"form": form, "refusal": refusal}
        response = self.render(request, template="accessibility/report_form.html", context_overrides=context)
        response.status_code = status
        return response


class ActionState(models.TextChoices):
    PLANNED = "prevue", _("prévue")
    STARTED = "en-cours", _("en cours")
    DONE = "faite", _("faite")


class PlanActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("action"), max_length=200)
    detail = blocks.TextBlock(label=_("en quelques mots"), required=False, max_length=500)
    state = blocks.ChoiceBlock(label=_("état"), choices=ActionState.choices, default=ActionState.PLANNED)

    class Meta:
        icon = "tick"
        label = _("Action")
        template = "accessibility/blocks/plan_action.html"
        description = _("Une action du plan de l'année, avec son état.")
        preview_value = {"action": "Faire relire les pages «\u00a0Facile à lire\u00a0»", "state": ActionState.STARTED}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["state_label"] = ActionState(value["state"]).label
        return context


class AccessibilityPlanPage(BasePage):
    """« Schéma pluriannuel »: the multi-year policy (the body) and this year's action plan."""

    year = models.PositiveSmallIntegerField(
        _("année du plan d'actions"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    actions = StreamField([("action", PlanActionBlock())], verbose_name=_("plan d'actions de l'année"), blank=True)

    parent_page_types = ["accessibility.AccessibilityStatementPage"]
    subpage_types = []
    template = "accessibility/plan_page.html"

    content_panels = [
        HelpPanel(
            content=_(
                "<p>Le schéma pluriannuel dit comment le collectif rend son site accessible sur trois ans "
                "(qui s'en occupe, la formation, les évaluations prévues)\u00a0; en dessous, le plan d'actions de "
                "l'année, à mettre à jour chaque année.</p>"
            ),
            heading=_("À quoi sert cette page"),
        ),
        *BasePage.content_panels,
        FieldPanel("year"),
        FieldPanel("actions"),
    ]

    class Meta:
        verbose_name = _("schéma pluriannuel d'accessibilité")
        verbose_name_plural = _("schémas pluriannuels d'accessibilité")


class AccessibilityReport(models.Model):
    """A problem someone reported, or an accessible version they asked for: kept for
    Coordination, who answers it."""

    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)
    name = models.CharField(_("nom"), max_length=100, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    page_address = models.CharField(_("page concernée"), max_length=300, blank=True)
    problem = models.TextField(_("problème"), max_length=2000)
    answered = models.BooleanField(_("répondu"), default=False)
    form_key = models.CharField(max_length=40, unique=True, null=True, blank=True, editable=False)

    panels = [FieldPanel("answered")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signalement d'accessibilité")
        verbose_name_plural = _("signalements d'accessibilité")

    def __str__(self):
        return f"{self.created_at:%d/%m/%Y} — {self.name or self.email or self.phone}"


def store_report(data, statement):
    """Keeps the report and mails Coordination in the same transaction; the same form
    sent twice (its `form_key`: a double click) keeps one report and sends one mail."""
    fields = {name: data[name] for name in ("name", "email", "phone", "page_address", "problem")}
    key = data["form_key"] or None
    if key and (made := AccessibilityReport.objects.filter(form_key=key).first()):
        return made
    try:
        with transaction.atomic():
            report = AccessibilityReport.objects.create(form_key=key, **fields)
            emails.send_report(report, statement)
    except IntegrityError:
        if key:  # sent twice at the same moment: the other request kept it
            return AccessibilityReport.objects.get(form_key=key)
        raise
    return report
