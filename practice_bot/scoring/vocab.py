"""Term lists shared by several criteria's concept slots (phrases joined with `|`, see lexicon.py)."""

from __future__ import annotations


def join(*parts: str) -> str:
    return "|".join(p.strip("|") for p in parts if p)


NAMED_METRICS = (
    "accuracy|precision|recall|f1|f1 score|f score|f beta|auc|roc|auroc|pr auc|rmse|mae|mape|"
    "smape|mse|r squared|r2|log loss|logloss|ndcg|top k|false positive*|false negative*|"
    "true positive*|confusion matrix|brier|calibration|error rate|hit rate|latency|throughput|kpi|"
    "kpis|"
    "bleu|rouge|perplexity|iou|specificity|sensitivity|uplift|p95|p99|mean average precision|"
    "word error rate|response time|precision at|recall at|judg* ... model on|"
    "how many ... caught|how many ... missed|how many ... catch*|how often ... right|"
    "how often ... wrong|"
    "false alarm*|top ten|top twenty|top fifty|top forty|top hundred|top decile|hit rate*|"
    "catch rate|detection rate|miss rate|how many of the|in the top|how many ... flagged|"
    "how many ... found|how many ... spotted|how many ... correct*|how many ... wrong|"
    "how many ... right|how much ... missed|wrongly flag*|wrongly ... flagged|"
    "correctly ... flagged|correctly identif*|got right|per cent ... right|percent ... right|"
    "per cent ... correct|percent ... correct|how close|how far off|off by|average error|"
    "forecast error|within ... per cent|within ... percent|lift|gini|pr curve|roc curve|"
    "precision recall|cost per|wape|mean absolute|coverage|miss* ... cases"
)
# Any talk of measuring performance, named or not.
METRICS = join(NAMED_METRICS, "metric*|performance|score*|error*")
BUSINESS = (
    "business|stakeholder*|client*|customer*|product owner*|product manager*|end user*|users|"
    "commercial|revenue|profit|cost saving*|budget|sla|service level|operations team|ops team|"
    "finance team|fraud team|senior leader*|sponsor*|head of|clinician*|underwriter*|use case|"
    "business need*|business goal*|business objective*|business problem|business question|kpi|kpis|"
    "cared about|what mattered|what they needed|main worry|worried about|their priority|the ask|"
    "the brief|complaint*|cost*|capacity|"
    "loss|losses|money|staff time|workload|resourc*|the team wanted|they wanted|they needed|"
    "asked for|needed to know|wanted to know|what ... wanted|what ... needed|demand|sales|"
    "manual effort|call outs|only had|could only|can only|bottom line|service|patients|tenants|"
    "residents|members|passengers|shoppers"
)
MONITOR = (
    "monitor*|dashboard*|alert*|alarm*|grafana|prometheus|evidently|whylogs|whylabs|arize|fiddler|"
    "datadog|cloudwatch|azure monitor|app insights|application insights|new relic|observab*|kibana|"
    "splunk|tracked|keep an eye|watch*|weekly report*|daily report*|checked ... weekly|"
    "checked ... daily|"
    "chart*|every day|each day|every morning|each morning|every week|fresh measure|"
    "check* ... by hand|"
    "tells me|emails me|notif*|dips below|drops below|falls below|compares ... actual*|"
    "against ... actual*"
)
SECURITY = (
    "secur*|vulnerab*|threat*|attack*|adversarial|penetration test*|pen test*|pentest*|owasp|cve|"
    "access control*|rbac|iam|least privilege|encrypt*|tls|ssl|secret*|key vault|credential*|"
    "authenticat*|authoris*|authoriz*|mfa|multi factor|firewall*|vpn|private endpoint*|"
    "network isolation|vnet|vpc|data poisoning|poison*|model inversion|membership inference|"
    "prompt injection|jailbreak*|dependency scan*|snyk|dependabot|bandit|trivy|patch*|"
    "threat model*|"
    "malware|phishing|breach*|leak*|exfiltrat*|ddos|denial of service|rate limit*|audit log*|"
    "cyber*|"
    "gaming|gamed|game the|manipulat*|abus*|misuse|trick*|fraudster*|bad actor*|malicious|"
    "hidden text|spoof*|tamper*|red team*|role play*|from outside|outsider*|intruder*"
)
MITIGATE = (
    "mitigat*|control*|safeguard*|guardrail*|prevent*|protect*|restrict*|lock* down|encrypt*|"
    "access control*|rbac|least privilege|key vault|private endpoint*|vnet|vpc|firewall*|mfa|"
    "patch*|"
    "rate limit*|input validat*|sanitis*|sanitiz*|mask*|anonymis*|anonymiz*|pseudonymis*|"
    "human in the loop|human review|fallback|fall back|kill switch|rollback|roll back|rolled back|"
    "canary|shadow mode|staged rollout|risk register|raid log|dpia|threat model*|approval gate*|"
    "sign off|signed off|reduc* ... risk*|backup*|strip*|filter*|block*|only through|logins|"
    "managed identity|no public|removed ... feature*|remov* ... field*|chang* ... field*|"
    "replac* ... feature*|dropped ... feature*|check* ... flag*|won t release|fails the build|"
    "advisory only|human ... confirm*|support contract|"
    "took out|taken out|exclud*|reweigh*|re weigh*|rebalanc*|in parallel|side by side|"
    "alongside ... existing|parallel run*|pilot*|trial period|gradual*|phased|double check*|"
    "second check|manual check*|manual review*|checked by|a person|a human|reviewer*|sense check*|"
    "capped|cap on|limit* ... to|monitor*|alert*|retrain* ... without|changed ... so"
)
BIAS = (
    "bias*|fair*|unfair*|disparate impact|demographic parity|equal opportunit*|equalised odds|"
    "equalized odds|protected characteristic*|protected group*|protected attribute*|subgroup*|"
    "sub group*|underrepresent*|under represent*|over represent*|imbalance*|discriminat*|ethnic*|"
    "gender|age group*|age band*|postcode*|proxy|proxies|fairlearn|aif360|aequitas|what if tool|"
    "each group|every group|any group|per group|by group|disabilit*|older people|older customers|"
    "elderly|men and women|first language|minorit*|groups of people|some groups|certain groups|"
    "treat* ... unfairly|unfair*|equit*|inequ*|disadvantag*|those groups|these groups|"
    "of the groups|"
    "across groups|between groups|each of the groups"
)
DATA_PROTECTION = (
    "gdpr|uk gdpr|data protection|dpa 2018|data protection act|personal data|pii|"
    "personally identifiable|"
    "anonymis*|anonymiz*|pseudonymis*|pseudonymiz*|redact*|consent|lawful basis|dpia|"
    "data protection impact|data retention|retention|right to be forgotten|subject access|"
    "data minimis*|data minimiz*|privacy|ico|information commissioner|sensitive data|"
    "special category|"
    "data sharing agreement*|dpo|data protection officer"
)
LEGAL = (
    "legal|law|laws|legislation|regulat*|compliance|compliant|fca|pra|ofcom|ofgem|mhra|"
    "eu ai act|ai act|equality act|consumer duty|contract*|licen*|copyright|terms of use"
)
EXPLAIN = (
    "shap|lime|explainab*|explicab*|xai|interpretab*|feature importance|partial dependence|"
    "counterfactual*|model card*|saliency|integrated gradients|reason code*"
)
LANGUAGES = (
    "python|sql|scala|java|javascript|typescript|julia|bash|shell script*|pyspark|rust|r studio"
)
LIBRARIES = (
    "pandas|numpy|scipy|scikit learn|sklearn|xgboost|lightgbm|catboost|pytorch|torch|tensorflow|"
    "keras|"
    "hugging face|huggingface|transformers library|spacy|nltk|statsmodels|prophet|jax|opencv|"
    "langchain|"
    "llamaindex|polars|dask|matplotlib|seaborn|plotly|optuna|hyperopt|mlflow|shap|pydantic|fastapi"
)
IDES = (
    "ide|ides|integrated development environment*|vs code|vscode|visual studio|pycharm|intellij|"
    "jupyter*|notebook*|colab|databricks|rstudio|spyder|sagemaker studio|vim|neovim|emacs|copilot|"
    "debugger|linter*"
)
TRACKING = (
    "mlflow|weights and biases|wandb|neptune|comet|dvc|tensorboard|experiment track*|"
    "track* ... experiment*|log* ... run*|log* ... metric*|log* ... param*|model registry|registry|"
    "sagemaker experiments|run id*|tracked"
)
VERSIONING = (
    "git|github|gitlab|bitbucket|version control*|version*|pull request*|merge request*|"
    "code review*|"
    "branch*|commit*|tagged|changelog|change log|release note*|jira|confluence|change request*|"
    "change advisory|change management|ticket*"
)
DEPLOY = (
    "deploy*|docker*|container*|kubernetes|k8s|aks|eks|gke|helm|sagemaker|vertex ai|azure ml|"
    "azureml|"
    "endpoint*|api|apis|rest api|fastapi|flask|serverless|lambda|batch job*|batch scor*|airflow|"
    "kubeflow|prefect|dagster|ci cd|cicd|github actions|gitlab ci|jenkins|azure devops|canary|"
    "shadow mode|shadow deploy*|blue green|a b test*|ab test*|rollout|roll out|rolled out|rollback|"
    "roll back|feature flag*|went live|go live|into production|to production|in production|"
    "live environment|staging|pre prod*|preprod*|productionis*|productioniz*|released|release"
)
PIPELINES = (
    "pipeline*|etl|elt|airflow|dag|dags|prefect|dagster|kubeflow|data factory|adf|glue|dbt|cron|"
    "schedul*|automat*|orchestrat*|trigger*|ci cd|cicd|github actions|jenkins|azure devops|"
    "gitlab ci|"
    "batch|stream*|kafka|event hub*|kinesis|feature store"
)
DOCS = (
    "document*|readme|confluence|wiki|runbook*|playbook*|model card*|data sheet*|datasheet*|"
    "design doc*|technical spec*|specification*|user guide*|how to guide*|handover note*|"
    "sharepoint|"
    "notion|docstring*|api doc*|swagger|openapi|sphinx|mkdocs|diagram*|written up|wrote up|"
    "write up|"
    "guide|guides|wrote ... down|written down|one page*|one pager|sheet|spec|specs|faq*|addendum|"
    "step by step|instructions|markdown|release note*"
)
REPORTS = (
    "report*|present*|slide*|deck|decks|demo*|dashboard*|power bi|powerbi|tableau|looker|"
    "show and tell|walkthrough|walk through|walked ... through|briefing*|one pager|playback*|"
    "steering group*|steering committee|workshop*|newsletter|email* ... update*|summary paper"
)
APPROVAL = (
    "approv*|sign off|signed off|signoff|sign-off|agreed|agreement|handover|hand over|handed over|"
    "go ahead|go no go|accept*|uat|user acceptance|green light|endorse*|buy in|bought in|"
    "ready for implementation|implementation team"
)
CLOUD = (
    "aws|azure|gcp|google cloud|cloud|on prem*|on premise*|local server*|edge|databricks|snowflake|"
    "bigquery|redshift|s3|blob storage|data lake|lakehouse|sagemaker|vertex|azure ml|azureml|"
    "kubernetes|serverless|microservice*|architect*|platform*|batch|real time|realtime|streaming|"
    "spark|hadoop|hpc|"
    "hosted|host*|managed service*|saas|paas|iaas|on site|in house|data centre|data center|"
    "server*|warehouse|distributed|scale out"
)
HARDWARE = (
    "hardware|gpu*|cpu*|tpu*|a100|v100|t4|h100|memory|ram|vcpu*|instance type*|instance*|ec2|vm|"
    "vms|"
    "virtual machine*|edge device*|raspberry pi|jetson|cluster*|node*|spot instance*|sku|cores|"
    "onnx|quantis*|quantiz*|triton|"
    "laptop*|desktop*|workstation*|server*|on site|data centre|data center|graphics card*|"
    "processor*|machine size|bigger machine|smaller machine|spec"
)
COST = "cost*|pric*|budget|spend|bill|billing|cheaper|expensive|per month|per hour|finops|licen*"
ROBUST = (
    "robust*|resilien*|stable|stabil*|reliab*|out of distribution|ood|outside ... domain|"
    "domain of applicability|edge case*|unseen|extrapolat*|outlier*|anomal*|adversarial|"
    "stress test*|"
    "fallback|fall back|guardrail*|abstain|confidence threshold|human review|new region*|"
    "new market*|"
    "new segment*|never seen|wasn t trained|not trained on|out of range|hadn t seen|"
    "not seen before|"
    "new stores|new shops|new sites|new products|new customers|unusual|fall* back|default* to|"
    "manual* ... until|until ... enough data"
)
STAKEHOLDERS = (
    "stakeholder*|supplier*|vendor*|third party|client*|customer*|product owner*|manager*|"
    "director*|"
    "head of|multi disciplinary|multidisciplinary|cross functional|legal team|compliance team|"
    "security team|it team|data engineer*|analyst*|clinician*|operations|business|senior leader*|"
    "board|sponsor*|end user*|users|team*|"
    "nurses|inspectors|planners|agents|drivers|contractor*|consultant*|procurement|hr|finance|"
    "marketing|sales|legal|it|union*|partner*|local authorit*|regulator*|auditor*|depot*|"
    "store manager*|branch*|site manager*|ward*|call centre|contact centre|colleagues|engineers|"
    "developers|designers|scientists|architect*"
)
ENGAGE = (
    "engag*|meeting*|workshop*|stand up*|standup*|check in*|one to one*|weekly|fortnightly|"
    "regular update*|demo*|show and tell|raci|stakeholder map*|power interest|communicat*|"
    "newsletter|"
    "present*|tailor*|adapt*|plain english|plain language|visual*|prototype*|listen*|consult*|"
    "call*|email*|catch up*|coffee|sat with|sat down with|shadow*|visited|went to see|"
    "face to face|in person|one on one|drop in*|office hours|survey*|feedback|update*|"
    "kept ... informed|kept ... in the loop|loop* ... in|walk* ... through|walked ... through|"
    "explain*|show* ... them|showed|ask* ... them|involv*|brought ... in|invit*|relationship*|"
    "trust|went through|talked ... through|mock up*|mockup*|wireframe*|sketch*"
)
NEGOTIATE = (
    "negotiat*|compromis*|expectation*|conflict*|competing|priorit*|trade off*|tradeoff*|"
    "timescale*|deadline*|timeline*|delay*|push* back|pushed back|agree*|disagree*|escalat*|moscow|"
    "phased|mvp|descop*|de scop*|scope|middle ground|win win|"
    "clash*|tension*|pulling|pull* ... different|different ... wanted|both wanted|"
    "wanted ... different|at odds|disagreement*|argu*|pushback|resist*|reluctan*|sceptic*|"
    "skeptic*|convinc*|persuad*|deal|halfway|meet in the middle|manag* ... expectation*|"
    "set ... expectation*|realistic|what was possible|wasn t possible|couldn t ... all|"
    "couldn t ... both|workaround*|swap*|sequenc*|order of|which ... first|first ... then|queue|"
    "bumped|held off|hold off|say no|said no|not yet|later phase|phase two|phase 2|next release|"
    "instead|alternative*|offered|proposed|settled on|landed on|both happy|everyone happy|accept*|"
    "budget*|resourc*|capacity|bandwidth|workload"
)
IMPACT = (
    "impact*|benefit*|saved|saving*|reduc*|increas*|improv*|adoption|adopted|trust|faster|revenue|"
    "cost*|on time|buy in|result*|outcome*|fewer|more ... than|value|"
    "adopt*|uptake|used by|rolled out|signed off|approved|funded|funding|budget|relationship*|"
    "complaint*|less rework|rework|delay*|avoided|prevent*|smoother|quicker|time saved|hours|"
    "per cent|percent|satisf*|happier|confidence|credib*"
)
