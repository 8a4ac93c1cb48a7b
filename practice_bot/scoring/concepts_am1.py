"""Concept slots for the five AM1 project themes (topics 1-5 of rubric-reference.md)."""

from __future__ import annotations

from practice_bot.scoring.concepts import CriterionSpec, slot, spec
from practice_bot.scoring.vocab import (
    APPROVAL,
    BIAS,
    BUSINESS,
    DATA_PROTECTION,
    DEPLOY,
    DOCS,
    IDES,
    LANGUAGES,
    LIBRARIES,
    METRICS,
    MITIGATE,
    MONITOR,
    NAMED_METRICS,
    PIPELINES,
    REPORTS,
    SECURITY,
    STAKEHOLDERS,
    TRACKING,
    join,
)

_SELECT_TECHNIQUE = (
    "select* ... model*|chose*|choos*|picked|algorithm*|model selection|compar* ... model*|"
    "baseline|"
    "logistic regression|random forest*|xgboost|lightgbm|catboost|gradient boost*|neural net*|"
    "linear regression|decision tree*|svm|k means|kmeans|clustering|transformer*|bert|cnn|lstm|"
    "arima|"
    "prophet|ensemble*|technique*|naive bayes|isolation forest"
)
_FEATURE_ID = (
    "feature importance|shap|permutation importance|correlat*|mutual information|feature selection|"
    "select* ... feature*|variable*|feature*|vif|multicollinear*|collinear*|ablation|"
    "sensitivity analys*|recursive feature elimination|rfe|lasso|chi square*|predictor*"
)
_STABILITY = (
    "stabil*|stable|unstable|instabil*|varian*|consisten*|inconsisten*|fluctuat*|robust*|"
    "cross validat*|k fold|folds|random seed*|seeds|bootstrap*|time based split|out of time|"
    "backtest*|drift*|shift*|jump*|swung|swing*"
)
_LIVE_CHANGE = (
    "live|production|existing model|champion|challenger|retrain*|new version|a b test*|ab test*|"
    "shadow|regression test*|compar* ... current model|compar* ... old model|before ... after|"
    "releas*|rolled out|roll out"
)
_TESTING = (
    "cross validat*|k fold|hold out|holdout|test set|validation set|train test split|split*|"
    "backtest*|out of time|out of sample|unit test*|pytest|test*|a b test*|confusion matrix|"
    "learning curve*|residual*|bootstrap*|stratif*|kept ... separate|separate set|separate week|"
    "different week|set aside|held back|held out|middle set|got wrong|error analys*|ran it once|"
    "time based split|trained on ... tested on"
)
_TUNING = (
    "tun*|hyperparameter*|hyper parameter*|grid search*|random search*|gridsearchcv|"
    "randomizedsearchcv|randomisedsearchcv|bayesian optimi*|optuna|hyperopt|early stopping|"
    "regularis*|regulariz*|learning rate|max depth|n estimators|threshold*|dropout|settings|"
    "how fast it learns|how many rounds|number of trees|epochs|trials"
)
_FIT = join(
    METRICS,
    "overfit*|over fit*|over fitting|underfit*|under fit*|good fit|generalis*|generaliz*|"
    "bias variance|train* ... test ... gap|gap between",
)
_VALIDITY = (
    "robust*|valid*|stress test*|edge case*|adversarial|noise|noisy|perturb*|sensitivity|"
    "out of distribution|unseen|stabil*|stable|calibrat*|sanity check*|leak*|leakage|fair*|bias*"
)
_BIAS_VALIDATION = (
    "validat*|evaluat*|statistic*|significan*|p value*|confidence interval*|hypothesis test*|"
    "t test|"
    "chi square*|bootstrap*|cross validat*|hold out|holdout|test set|compar* ... group*|"
    "per group|by group|each group|across group*|slice*|segment*|breakdown|broke down|disaggregat*"
)
_SOFTWARE_PRACTICE = (
    "unit test*|pytest|test suite|version control|git|github|gitlab|pull request*|code review*|"
    "peer review*|ci cd|cicd|continuous integration|github actions|jenkins|azure devops|lint*|"
    "ruff|flake8|black|type hint*|mypy|reproducib*|random seed*|docstring*|automated test*|"
    "regression test*|pre commit"
)

AM1: dict[str, CriterionSpec] = {
    "model-scoping/pass-1": spec(
        slot("framing the problem and its objectives", "problem framing|fram* ... problem|scop*|"
             "objective*|success criteri*|requirement*|use case|business problem|problem statement|"
             "discovery|feasibility|business question|kick off|kickoff|"
             "what ... wanted|what ... needed|the question|the goal|the aim|aim* to|"
             "set out to|worked out what|agreed what|defin* ... problem|"
             "understand* ... problem|requirements gathering|brief"),
        slot("data collection and preparation", "data prep*|prepar* ... data|clean*|collect*|gather*|"
             "ingest*|label*|annotat*|eda|exploratory|preprocess*|pre process*|feature engineer*|"
             "data quality|wrangl*|extract* ... data|sourc* ... data|pull* ... data|"
             "dataset*|data set*|historic* data|records|extract*|query*|sql|join*|merg*|"
             "missing value*|imput*|feature*|split* ... data"),
        slot("building and training the model", "train*|buil* ... model*|model build*|fit* ... model*|"
             "algorithm*|baseline|prototyp*|experiment*|hyperparameter*|tun*|modelling|modeling"),
        slot("testing and evaluation", "evaluat*|validat*|test set|hold out|holdout|tested|testing|"
             "cross validat*|metric*|accuracy|backtest*|precision|recall|f1|"
             "tested|test* ... on|compar* ... baseline|how well|how good|checked ... against|"
             "scored ... against|back tested|error*|auc|rmse|mae"),
        slot("deployment", "deploy*|went live|go live|production|releas*|launch*|live environment|"
             "api|endpoint*|productionis*|productioniz*|handover|hand over|handed over|"
             "put ... live|put it live|rolled out|roll* ... out|in use|being used|scheduled|"
             "batch job|integrat*|handed ... to|dashboard|switched on"),
        slot("monitoring and maintenance", "monitor*|retrain*|maintain*|maintenance|updat* ... model*|"
             "drift*|feedback loop|decommission*|iterat*|dashboard*|"
             "keep* an eye|check* ... every|check* ... each|weekly report*|monthly report*|"
             "review* ... every|retir*|refresh*|alert*|track* ... performance"),
        slot("the lifecycle as a whole", "lifecycle|life cycle|crisp dm|crisp ml|crispdm|tdsp|mlops|"
             "stages|phases|end to end|each stage|every stage"),
        need=5, per_sentence=6,
    ),
    "model-scoping/pass-2": spec(
        slot("the performance metrics you chose", NAMED_METRICS, core=True),
        slot("the business need behind them", join(BUSINESS, "translat*|cost of ... miss*|missed fraud|"
             "cost of ... false|cost of a|what mattered|what the business|in business terms|pound*",
             "worry|worried|concern*|risk of|"
             "missing ... cases|missed ... case*|harm*|danger*|safety|complain*|wasted|waste|"
             "queue|backlog|staff|patients|money")),
        slot("a target or threshold agreed", "target*|threshold*|acceptance criteri*|success criteri*|"
             "baseline|benchmark*|at least|minimum|agreed|sign off|signed off|cut off|cutoff|"
             "operating point|trade off*|tradeoff*|over ... because|rather than|instead of|"
             "ceiling|floor|limit|cap|no more than|no lower than|above|below|bar|good enough|"
             "aim* for|goal of|budget|at most|top ... each|prioritis* ... over|"
             "more important than|favour*|accepted"),
    ),
    "model-scoping/pass-3": spec(
        slot("a project methodology", "agile|scrum|kanban|sprint*|waterfall|crisp dm|crisp ml|crispdm|"
             "tdsp|prince2|lean|stand up*|standup*|retro|retros|retrospective*|backlog*|user stor*|"
             "epic*|story point*|scrumban|iterative|iteration*|timebox*|time box*|milestone*|gantt|"
             "raci|moscow|raid log|risk register|critical path|roadmap*|project plan*|methodolog*|"
             "fortnightly|two week cycle*|weekly cycle*|planning session*|sprint planning|"
             "show and tell|phase*|stage gate*|go no go|pmbok|dsdm|v model|double diamond|"
             "design thinking|six sigma|work breakdown|wbs|dependenc*|risk log|issue log|"
             "action log|rag status|rag rating|highlight report*|status report*|project board|"
             "scrum master|product owner|definition of done|definition of ready|"
             "prioritis* ... backlog|cadence|iterations|cycle*",
             core=True),
        slot("project tools and techniques", "jira|trello|asana|azure boards|azure devops|monday com|"
             "confluence|github projects|ms project|microsoft project|gantt|board|ticket*|estimat*|"
             "t shirt siz*|planning poker|burndown|burn down|velocity|okr*|spike*|stand up*|"
             "standup*|"
             "daily ... meeting*|sprint planning|sprint review*|retro|retrospective*|"
             "trello|planner|ms planner|microsoft planner|notion|clickup|smartsheet|miro|"
             "kanban board|whiteboard|tracker|post it*|ticket*|user stor*|card*|column*|"
             "swimlane*|story point*|prioritis*|prioritiz*|moscow|raci|risk log|dependenc*|"
             "demo*|check in*|weekly ... meeting*|catch up*"),
        slot("adapting it to ML work", "experiment*|spike*|timebox*|time box*|uncertain*|research|"
             "proof of concept|poc|prototyp*|definition of done|acceptance criteri*|adapt*|tailor*|"
             "hybrid|crisp dm|crisp ml|model*|data science|"
             "explor*|research ticket*|hard to estimate|can t estimate|couldn t estimate|"
             "how long|fixed ... time|fixed number of|set amount of time|cap* ... time|"
             "cut ... losses|dead end*|didn t work|modelling|data work|data cleaning|"
             "model work"),
        need=3,
    ),
    "model-scoping/pass-4": spec(
        slot("the risks of deploying a new model", "risk*|overfit*|over fit*|failure mode*|unintended|"
             "harm*|reputation*|incident*|regression*|instabil*|concept drift|data leakage|leakage|"
             "could go wrong|went wrong|what if|"
             "danger*|worry|worried|concern*|what happens if|fail*|wrong decision*|mistake*|"
             "false positive*|false negative*|unfair*|knock on|exposure|liabilit*|"
             "could ... go wrong|might ... wrong|get it wrong|got it wrong|downside*|"
             "side effect*|safety|unsafe|misus*|complain*|backlash|blind spot*"),
        slot("assessing vulnerabilities", join(SECURITY, "assess* ... vulnerab*|risk assessment*|"
             "security review*|threat model*",
             "weak point*|weakness*|loophole*|check* ... for ... risk*|what could go wrong|"
             "ran through ... risk*|risk review*|dpia|privacy impact|impact assessment*|"
             "red team*|stress test*|edge case*")),
        slot("how you mitigated them", MITIGATE, core=True),
        slot("data bias", BIAS),
    ),
    "model-scoping/dist-1": spec(
        slot("the performance metrics you chose", NAMED_METRICS, core=True),
        slot("the business need behind them", join(BUSINESS, "translat*|cost of ... miss*|"
             "cost of ... false|what mattered|in business terms",
             "worry|worried|concern*|missing ... cases|"
             "harm*|danger*|safety|complain*|wasted|waste|staff|patients|money|capacity|loss*|"
             "cost*")),
        slot("the effect on the scope", "scope|scoping|scoped|descop*|de scop*|changed ... scope|"
             "redefin*|refram*|re fram*|pivot*|priorit*|trade off*|tradeoff*|threshold*|target*|"
             "acceptance criteri*|instead of|rather than|"
             "narrow*|focus* on|focused|limited ... to|only ... top|changed ... plan*|"
             "changed ... approach|expand*|extend*|phase two|phase 2|out of scope|in scope|"
             "ended up|dropped|cut ... back|shap* ... project|reshap*|chang* ... what we|"
             "chang* ... problem|redesign*|cut off|cutoff|shortlist|ranked list|top ... list"),
    ),
    "experiment-tracking/pass-1": spec(
        slot("how you selected the techniques", join(_SELECT_TECHNIQUE,
             "tried|tested ... against|went with|settled on|opted|simpler model|"
             "more complex model|benchmark*|candidate*|options|approach*"), core=True),
        slot("identifying the variables and features that matter", join(_FEATURE_ID,
             "inputs|columns|fields|signals|drivers|which ... mattered|what ... mattered|"
             "most important|biggest effect|strongest|important ... factor*|factor*"), core=True),
        slot("stability of model performance", _STABILITY),
        slot("changes to models already live", _LIVE_CHANGE),
        need=3,
    ),
    "experiment-tracking/pass-2": spec(
        slot("feature engineering", "feature engineer*|engineer* ... feature*|creat* ... feature*|"
             "deriv* ... feature*|new feature*|lag*|rolling ... average*|rolling window*|aggregat*|"
             "one hot|onehot|encod*|embedding*|tf idf|tfidf|binn*|bucket*|interaction term*|ratio*|"
             "polynomial|day of week|time since|count of|number of ... per|"
             "built ... feature*|made ... feature*|added ... column*|new column*|calculat*|"
             "rolling|average over|per customer|per day|per week|month of|hour of|season*|"
             "flag for|flagged whether|whether the|indicator*|dummy|categor*|text length|"
             "word count", core=True),
        slot("feature selection", "feature selection|select* ... feature*|drop* ... feature*|"
             "drop* ... column*|remov* ... feature*|remov* ... column*|feature importance|shap|"
             "correlat*|mutual information|rfe|recursive feature|lasso|variance threshold|pca|"
             "dimensionality reduction|leak*|"
             "kept only|only kept|took out|left out|threw out|exclud*|ruled out|didn t add|"
             "no longer|pruned|trimmed|shortlist*|narrowed|fewer feature*|fewer column*|"
             "redundant|didn t help|made no difference|added nothing", core=True),
        slot("pre-processing", "preprocess*|pre process*|clean*|imput*|missing value*|null*|outlier*|"
             "scal*|standardis*|standardiz*|normalis*|normaliz*|minmax|min max|tokenis*|tokeniz*|"
             "lemmatis*|stemm*|deduplicat*|de duplicat*|duplicat*|resampl*|smote|oversampl*|"
             "undersampl*|class weight*|columntransformer|log transform*|winsoris*|typo*|"
             "inconsistent|"
             "crop*|resiz*|brightness|contrast|augment*|flipp*|rotat*|denois*|filter* out|"
             "fill* ... gaps|fill* in|tidied|tidy*|convert*|merg*|join*|de identif*|redact*|"
             "cleaned up|fixed ... error*|fix* ... format*|date format*|units|blank*|empty|"
             "gaps|cap* ... value*|clip*|bad rows|removed rows|drop* ... rows|spelling|"
             "lower case|lowercase|punctuation|stop words|balanc*",
             core=True),
        slot("why it mattered", "because|improv*|impact*|important|importance|which meant|so that|"
             "boost*|lift*|increas* ... accuracy|reduc* ... error*|difference|garbage in|otherwise"),
        need=3,
    ),
    "experiment-tracking/pass-3": spec(
        slot("how you deployed the model", DEPLOY, core=True),
        slot("data pipelines and automation", PIPELINES),
        slot("creating the model artefact", "train*|packag*|serialis*|serializ*|pickl*|joblib|onnx|"
             "model registry|registry|mlflow|docker*|container*|image*|artifact*|artefact*|build*|"
             "buil*"),
    ),
    "experiment-tracking/pass-4": spec(
        slot("programming languages", join(LANGUAGES, "in r|using r|used r|r and python|"
             "python and r|programming language*"), core=True),
        slot("development environments", IDES),
        slot("machine learning libraries", join(LIBRARIES, "librar*|package*|framework*"), core=True),
    ),
    "experiment-tracking/pass-5": spec(
        slot("testing and validation techniques", join(_TESTING,
             "checked ... against|compar* ... actual*|last month|last year|previous month*|"
             "unseen|new data|data it hadn t seen|wasn t trained on|kept back|sanity check*|"
             "spot check*|manual* check*|by hand"), core=True),
        slot("tuning", join(_TUNING,
             "adjust*|tweak*|tried different|played with|number of|depth|how deep|cut off|"
             "cutoff|weights|class weight*"), core=True),
        slot("accuracy and fit", _FIT),
        slot("validity and robustness", _VALIDITY),
    ),
    "experiment-tracking/dist-1": spec(
        slot("the techniques you applied", join(_TESTING, _TUNING), core=True),
        slot("validity and robustness", _VALIDITY),
        slot("accuracy and fit", _FIT),
    ),
    "model-deployment/pass-1": spec(
        slot("security standards", "iso 27001|27001|iso 27701|cyber essentials|nist|soc 2|soc2|"
             "pci dss|pci|dspt|information security|infosec|security polic*|security standard*|"
             "encrypt*|access control*|rbac|least privilege|classif* ... data|data classif*|secur*"),
        slot("data protection law and policy", join(DATA_PROTECTION, "polic*|procedure*|"
             "data governance|governance"), core=True),
        slot("ethical practice", "ethic*|fair*|bias*|transparen*|consent|accountab*|responsible ai|"
             "trust*|harm*"),
        slot("data management practice", "lineage|retention|metadata|catalog*|catalogue*|"
             "data owner*|steward*|delet*|purg*|archiv*|backup*|access request*|audit trail*|"
             "data dictionar*|version* ... data|dvc|purview|unity catalog"),
    ),
    "model-deployment/pass-2": spec(
        slot("monitoring the live model", MONITOR, core=True),
        slot("continual learning and retraining", "retrain*|re train*|continual learning|"
             "continuous learning|continuous training|online learning|incremental*|refresh*|"
             "champion|challenger|new version*|model version*|feedback loop|learns from|"
             "updated ... model|update* ... weights|"
             "refit*|re fit*|rebuil*|trained ... again|train* ... newer|train* ... latest|"
             "train* ... fresh|fresh data|latest data|newer data|recent data|rolling window|"
             "train* ... every|train* ... monthly|train* ... quarterly|scheduled ... train*|"
             "automatic* ... train*|model refresh|replace* ... model|new model ... each", core=True),
        slot("testing new versions before release", "test*|validat*|shadow|canary|a b test*|ab test*|"
             "champion|challenger|regression test*|gate*|threshold*|compar* ... previous|"
             "compar* ... current|hold out|holdout|backtest*"),
        slot("tracking versions and runs", join(TRACKING, "track*|log*|version*|lineage|audit trail")),
        slot("staying fit for purpose and stable", "drift*|stabil*|stable|fit for purpose|degrad*|"
             "decay*|latency|error rate|uptime|sla|rollback|roll back|rolled back|alert*"),
    ),
    "model-deployment/pass-3": spec(
        slot("the prototype you started from", "prototyp*|proof of concept|poc|pilot*|mvp|"
             "minimum viable|notebook*|jupyter|experiment*|trial*|spike|first version|"
             "first cut|rough version|early version|trial version|test version|quick version|"
             "sandbox|spreadsheet|mock up|mockup|demo|laptop|on my machine|local*|by hand|"
             "manual* run|one off|script|trial run|initial version|v1|version one", core=True),
        slot("productionising the code", "productionis*|productioniz*|refactor*|rewr*|packag*|"
             "modular*|containeris*|containeriz*|docker*|api|fastapi|flask|endpoint*|ci cd|cicd|"
             "pipeline*|unit test*|code review*|harden*|scal*|config*|"
             "rewrote|clean* up ... code|turned ... into|moved ... into|proper code|module*|"
             "function*|class*|schedul*|automat*|logging|error handling|tests|repo|repository|"
             "git|infrastructure|server*|security review*|load test*|monitoring|alert*|"
             "handed ... to ... engineer*|platform team", core=True),
        slot("going live", join(DEPLOY, "handover|hand over|handed over|sign off|signed off|uat|"
             "user acceptance|soft launch|phased|pilot")),
        need=3,
    ),
    "model-deployment/pass-4": spec(
        slot("assessing vulnerabilities", "vulnerab*|threat model*|stride|penetration test*|pen test*|"
             "pentest*|security review*|security assessment*|risk assessment*|dependency scan*|"
             "snyk|"
             "dependabot|trivy|bandit|sonarqube|owasp|cve|scan*|audit*|red team*|attack surface|"
             "weakness*|"
             "weak point*|loophole*|what could go wrong|risk review*|dpia|privacy impact|"
             "impact assessment*|check* ... access|who had access|who could|"
             "permissions review|access review*|review* ... permission*|found ... exposed|"
             "found ... open", core=True),
        slot("mitigating the threats", MITIGATE, core=True),
        slot("risks to assets, data and cyber security", "asset*|cyber*|breach*|leak*|attack*|"
             "adversarial|poison*|model theft|model extraction|inversion|injection|ddos|"
             "denial of service|malware|phishing|ransomware|insider*|personal data|pii|"
             "sensitive data|exposed|exposure"),
    ),
    "model-deployment/pass-5": spec(
        slot("validation and statistical evidence", _BIAS_VALIDATION),
        slot("algorithmic bias", BIAS, core=True),
        slot("software development best practice", _SOFTWARE_PRACTICE),
    ),
    "model-deployment/dist-1": spec(
        slot("how you validated the model", _BIAS_VALIDATION),
        slot("the bias it minimised", BIAS, core=True),
        slot("the impact on the live prototype", "live|production|prototyp*|pilot*|deploy*|released|"
             "went live|users|customers|outcome*|impact*|complaint*|trust"),
    ),
    "collaborative-working-am1/pass-1": spec(
        slot("the reports, presentations and documents you produced", join(REPORTS, DOCS), core=True),
        slot("engaging stakeholders and end users", STAKEHOLDERS),
        slot("approval for handover", APPROVAL),
        need=3,
    ),
    "collaborative-working-am1/pass-2": spec(
        slot("the technical documentation you produced", DOCS, core=True),
        slot("keeping it up to date", "maintain*|updat*|up to date|review*|version*|living document|"
             "revis*|refresh*|changelog|change log|pull request*|alongside the code|in the repo*"),
        slot("technical and non-technical readers", "non technical|nontechnical|technical|audience*|"
             "plain english|plain language|jargon|glossar*|diagram*|colleague*|new starter*|"
             "onboard*|analyst*|developer*|engineer*|business user*|end user*|users|support team|"
             "ops team|operations team|readers"),
        slot("how it helped others' work", "reus*|self serve|self service|onboard*|faster|"
             "saved ... time|enabl*|help* ... team|so that ... could|without ... ask*|"
             "fewer question*|template*|knowledge shar*|pick* ... up"),
    ),
    "sustainability/pass-1": spec(
        slot("the environmental impact", "sustainab*|environment*|carbon|co2|co2e|emission*|energy|"
             "gas|fuel|heating|waste|food waste|recycl*|packaging|paper|travel|mileage|"
             "electricity|power consumption|power usage|kwh|watt*|green|net zero|netzero|footprint|"
             "codecarbon|code carbon|climate|renewable*|e waste|water usage", core=True),
        slot("making the solution more efficient", "efficien*|smaller model*|distil*|quantis*|"
             "quantiz*|prun*|early stopping|fewer ... epoch*|reduc* ... comput*|"
             "reduc* ... training|"
             "spot instance*|autoscal*|auto scal*|scale to zero|shut* down|switch* off|turn* off|"
             "idle|right siz*|rightsiz*|cach*|off peak|low carbon region|reus*|pretrained|"
             "pre trained|transfer learning|fine tun*|less often|less frequent*|gpu hours|"
             "compute hours|lighter"),
        slot("advocating and embedding it", "advocat*|propos*|persuad*|convinc*|championed|pushed for|"
             "raised|recommend*|embed*|polic*|guideline*|standard*|checklist*|default*|template*|"
             "adopt*|rolled out|roll out|business case|responsib*|took ownership|led"),
        slot("organisational strategy and operational outcomes", "strateg*|net zero|esg|csr|target*|"
             "commitment*|goal*|sustainability team|sustainability report*|objective*|operational|"
             "cost*|saving*|saved|bill"),
    ),
}  # fmt: skip
