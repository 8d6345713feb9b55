"""普法 records (worklines.md §2.6): the agencies' 谁执法谁普法 responsibility lists with their
履职报告 and 评议, activities, the 法律明白人 roster per village, and 学法考法 results.

山东省法治宣传教育条例 第十条 (谁执法谁普法, 责任清单), 第十三条 (学法考法 results are part of
the assessment of state employees); 乡村“法律明白人”培养工作规范（试行）(2021-11-08): at
least three 法律明白人 in every 行政村.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from fazhi.core.models import Unit
from fazhi.core.records import ChildRecord, UnitRecord
from fazhi.core.validators import validate_id_number


class ListGrade(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


class ResponsibilityList(UnitRecord):
    """An agency's 普法责任清单 for a year, its 履职报告 and the 评议 of it."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="普法责任单位"
    )
    year = models.PositiveIntegerField("年度")
    published_date = models.DateField("清单公布日期")
    report = models.CharField("履职报告", max_length=2000, blank=True)
    report_date = models.DateField("履职报告日期", null=True, blank=True)
    review_score = models.DecimalField(
        "评议得分",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    review_grade = models.CharField(
        "评议等次", max_length=10, choices=ListGrade.choices, blank=True
    )
    reviewers = models.CharField("评议人员", max_length=300, blank=True)
    review_comment = models.CharField("评议意见及整改建议", max_length=1000, blank=True)
    reviewed_date = models.DateField("评议日期", null=True, blank=True)

    detail_url_name = "publicity:list_detail"

    class Meta:
        verbose_name = "普法责任清单"
        verbose_name_plural = "普法责任清单"
        ordering = ["-year", "unit", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"],
                name="responsibility_list_one_per_year",
                violation_error_message="该单位本年度已有普法责任清单",
            ),
            models.CheckConstraint(
                condition=Q(reviewed_date__isnull=True) | Q(report_date__isnull=False),
                name="responsibility_list_review_after_report",
                violation_error_message="未提交履职报告的不能评议",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}{self.year}年度普法责任清单"


class ResponsibilityItem(ChildRecord):
    responsibility_list = models.ForeignKey(
        ResponsibilityList, on_delete=models.CASCADE, related_name="items", verbose_name="责任清单"
    )
    law = models.CharField("普法内容（法律法规）", max_length=200)
    audience = models.CharField("普法对象", max_length=100)
    measure = models.CharField("普法措施（形式）", max_length=200)
    timing = models.CharField("时间安排", max_length=60)
    department = models.CharField("责任科室", max_length=60)

    parent_field = "responsibility_list"

    class Meta:
        verbose_name = "责任清单事项"
        verbose_name_plural = "责任清单事项"
        ordering = ["responsibility_list", "pk"]

    def __str__(self) -> str:
        return f"{self.responsibility_list.unit.name}：{self.law}"


class Theme(models.TextChoices):
    CONSTITUTION_WEEK = "constitution_week", "12·4国家宪法日和宪法宣传周"
    CIVIL_CODE_MONTH = "civil_code_month", "民法典宣传月"
    LEGAL_AID_MONTH = "legal_aid_month", "法律援助宣传月"
    RURAL = "rural", "法治乡村"
    ENTERPRISE = "enterprise", "法律进企业"
    CAMPUS = "campus", "法治进校园"
    OTHER = "other", "其他主题"


class ActivityForm(models.TextChoices):
    LECTURE = "lecture", "法治讲座"
    STALL = "stall", "集中宣传（摆摊设点）"
    MOCK_TRIAL = "mock_trial", "模拟法庭"
    ONLINE = "online", "网络普法（发布普法信息）"
    PERFORMANCE = "performance", "文艺演出、情景剧"
    OTHER = "other", "其他形式"
    TRIAL_OBSERVATION = "trial_observation", "组织旁听庭审"


class Village(UnitRecord):
    """A 行政村 (社区) of a 乡镇（街道）, for its 法律明白人 roster."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="乡镇（街道）"
    )
    name = models.CharField("村（社区）", max_length=60)

    detail_url_name = "publicity:village_detail"

    class Meta:
        verbose_name = "村（社区）"
        verbose_name_plural = "村（社区）"
        ordering = ["unit", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="village_unique_per_township",
                violation_error_message="该乡镇（街道）已登记此村（社区）",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.name}{self.name}"


class Activity(UnitRecord):
    """A 普法 activity (a 法律明白人's when `village` is set)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="主办单位"
    )
    date = models.DateField("活动日期")
    theme = models.CharField("主题", max_length=20, choices=Theme.choices)
    title = models.CharField("活动名称", max_length=200)
    form = models.CharField("形式", max_length=20, choices=ActivityForm.choices)
    place = models.CharField("地点", max_length=200)
    participants = models.PositiveIntegerField("参与人数", default=0)
    materials = models.PositiveIntegerField("发放宣传材料（份）", default=0)
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="法律明白人活动所在村（社区）",
    )

    detail_url_name = "publicity:activity_detail"

    class Meta:
        verbose_name = "普法活动"
        verbose_name_plural = "普法活动"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"


class Category(models.TextChoices):
    """The preferred categories of the 培养工作规范."""

    VILLAGE_CADRE = "village_cadre", "村干部"
    WOMEN = "women", "村妇联执委、儿童主任"
    MEDIATOR = "mediator", "人民调解员"
    POLICE = "police", "驻村辅警"
    GRID = "grid", "网格员"
    GROUP_HEAD = "group_head", "村民小组长"
    PARTY_MEMBER = "party_member", "中共党员"
    ELDERS = "elders", "“五老”人员"
    OTHER = "other", "其他"


class LegalLiteratePerson(ChildRecord):
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="people", verbose_name="村（社区）"
    )
    name = models.CharField("姓名", max_length=30)
    category = models.CharField("类别", max_length=20, choices=Category.choices)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    certificate_number = models.CharField("证书编号", max_length=40, blank=True)
    appointed_date = models.DateField("考核上岗日期")
    active = models.BooleanField("在册", default=True)

    parent_field = "village"

    class Meta:
        verbose_name = "法律明白人"
        verbose_name_plural = "法律明白人"
        ordering = ["village", "pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.village.name}）"


class LawExam(UnitRecord):
    """A 学法考法 exam organised by a unit (the county's 司法 department, 条例 第十三条)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="组织单位"
    )
    name = models.CharField("考试名称", max_length=200)
    date = models.DateField("考试日期")

    detail_url_name = "publicity:exam_detail"

    class Meta:
        verbose_name = "学法考法"
        verbose_name_plural = "学法考法"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.name


class ExamResult(ChildRecord):
    """One state employee due to sit an exam, with the unit they sit for and the result."""

    exam = models.ForeignKey(
        LawExam, on_delete=models.CASCADE, related_name="results", verbose_name="考试"
    )
    person_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="所在单位"
    )
    name = models.CharField("姓名", max_length=30)
    id_number = models.CharField("身份证号码", max_length=18, validators=[validate_id_number])
    sat = models.BooleanField("参考", default=False)
    score = models.DecimalField(
        "成绩",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    passed = models.BooleanField("及格", default=False, editable=False)
    excellent = models.BooleanField("优秀", default=False, editable=False)

    parent_field = "exam"

    class Meta:
        verbose_name = "学法考法成绩"
        verbose_name_plural = "学法考法成绩"
        ordering = ["exam", "person_unit", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exam", "id_number"],
                name="exam_result_one_per_person",
                violation_error_message="同一考试中此人已有成绩",
            ),
            models.CheckConstraint(
                condition=Q(sat=True) | Q(score__isnull=True),
                name="exam_result_score_only_when_sat",
                violation_error_message="未参考的人员不能有成绩",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.exam.name}）"

    def grade(self) -> None:
        """及格 and 优秀 from the score and the settings (docs/rules.md)."""
        score = self.score if self.sat else None
        self.passed = score is not None and score >= settings.FAZHI_EXAM_PASS_SCORE
        self.excellent = score is not None and score >= settings.FAZHI_EXAM_EXCELLENT_SCORE


# — the 普法 registers of worklines.md §2.6(a) the catalog counts (issue 21, item 8) —


class Level(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCIAL = "provincial", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"


class MediaAdoption(UnitRecord):
    """A 普法 piece of the unit's that a news outlet took up (媒体采用、刊播): seed 000's
    “省级以上媒体采用220余篇”. 山东省法治宣传教育条例 第二十四条第二款 (媒体刊播)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="报送单位"
    )
    title = models.CharField("稿件标题", max_length=200)
    outlet = models.CharField("采用媒体", max_length=100)
    level = models.CharField("媒体层级", max_length=12, choices=Level.choices)
    published_date = models.DateField("刊播日期")

    class Meta:
        verbose_name = "媒体采用普法稿件"
        verbose_name_plural = "媒体采用普法稿件"
        ordering = ["-published_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "outlet", "title"],
                name="media_adoption_once_per_outlet",
                violation_error_message="该稿件已登记为此媒体采用",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}：{self.title}"


class SiteKind(models.TextChoices):
    PARK = "park", "法治文化公园（广场）"
    CORRIDOR = "corridor", "法治长廊（法治一条街）"
    BASE = "base", "法治文化示范基地"
    ROOM = "room", "法治宣传教育阵地（普法室、图书角）"
    OTHER = "other", "其他法治文化阵地"


class CultureSite(UnitRecord):
    """A 法治文化阵地 the unit built or had named, with its level (seed 002: 示范基地
    省级29处、市级353处). 山东省法治宣传教育条例 第二十五条 (法治文化公园、广场、长廊)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="建设单位"
    )
    name = models.CharField("阵地名称", max_length=100)
    kind = models.CharField("类型", max_length=12, choices=SiteKind.choices)
    level = models.CharField("级别", max_length=12, choices=Level.choices)
    address = models.CharField("地址", max_length=200)
    named_date = models.DateField("建成（命名）日期")

    class Meta:
        verbose_name = "法治文化阵地"
        verbose_name_plural = "法治文化阵地"
        ordering = ["-named_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="culture_site_unique_name",
                violation_error_message="该单位已登记同名法治文化阵地",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ModelVillage(UnitRecord):
    """A village of the 法律明白人 roster named 民主法治示范村（社区） at a level, in a year;
    owned by the village's township."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="乡镇（街道）"
    )
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="model_titles", verbose_name="村（社区）"
    )
    level = models.CharField("命名级别", max_length=12, choices=Level.choices)
    year = models.PositiveIntegerField("命名年度")
    named_by = models.CharField("命名机关", max_length=100)
    named_date = models.DateField("命名日期")

    class Meta:
        verbose_name = "民主法治示范村（社区）"
        verbose_name_plural = "民主法治示范村（社区）"
        ordering = ["-named_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "level"],
                name="model_village_once_per_level",
                violation_error_message="该村（社区）已获此级别民主法治示范村（社区）命名",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.village}（{self.get_level_display()}民主法治示范村）"


class Volunteer(UnitRecord):
    """A registered 普法志愿者 (seed 001: “蒲公英”普法志愿者联盟); phone and 身份证号码 are
    personal data, shown masked to whoever may not see them. 山东省法治宣传教育条例
    第二十七条第二款 (志愿者队伍)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="登记单位"
    )
    name = models.CharField("姓名", max_length=30)
    team = models.CharField("志愿服务队", max_length=100)
    phone = models.CharField("联系电话", max_length=20)
    id_number = models.CharField(
        "身份证号码", max_length=18, blank=True, validators=[validate_id_number]
    )
    registered_date = models.DateField("登记日期")

    class Meta:
        verbose_name = "普法志愿者"
        verbose_name_plural = "普法志愿者"
        ordering = ["-registered_date", "-pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.team}）"
