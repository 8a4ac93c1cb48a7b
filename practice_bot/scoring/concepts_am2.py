"""Concept slots for the six AM2 discussion themes (topics 6-11 of rubric-reference.md)."""

from __future__ import annotations

from practice_bot.scoring.concepts import CriterionSpec, slot, spec
from practice_bot.scoring.vocab import (
    BIAS,
    CLOUD,
    COST,
    DATA_PROTECTION,
    DOCS,
    ENGAGE,
    EXPLAIN,
    HARDWARE,
    IMPACT,
    LEGAL,
    METRICS,
    MITIGATE,
    MONITOR,
    NEGOTIATE,
    ROBUST,
    SECURITY,
    STAKEHOLDERS,
    TRACKING,
    VERSIONING,
    join,
)

_ML_METHODS = (
    "supervised|unsupervised|semi supervised|self supervised|reinforcement learning|ensemble*|"
    "bagging|"
    "boosting|random forest*|xgboost|lightgbm|gradient boost*|logistic regression|"
    "linear regression|"
    "decision tree*|svm|support vector*|k means|kmeans|clustering|dbscan|naive bayes|knn|"
    "nearest neighbour*|neural network*|deep learning|cnn|rnn|lstm|transformer*|bert|gpt*|llm|llms|"
    "arima|prophet|isolation forest|autoencoder*|pca|classifier*|classification|regression model*|"
    "time series|anomaly detection|recommender*|collaborative filtering|generative"
)
_MATHS = (
    "math*|statistic*|probabilit*|linear algebra|calculus|gradient*|derivative*|matrix|matrices|"
    "vector*|eigen*|loss function|cost function|cross entropy|log loss|likelihood|bayes*|"
    "distribution*|variance|standard deviation|regularis*|regulariz*|l1|l2|optimis*|optimiz*|"
    "convex|"
    "entropy|information gain|gini|sigmoid|softmax|dot product|cosine similarity|euclidean|"
    "hypothesis test*|p value*|confidence interval*|covariance|logarithm*|log odds|odds ratio*|"
    "coefficient*|backpropagation|back propagation|chain rule|linear combination|weighted sum"
)
_REFINE = (
    "refin*|re engineer*|reengineer*|improv*|tun*|retrain*|re train*|iterat*|new feature*|"
    "add* ... feature*|remov* ... feature*|switch*|replac*|rebuil*|re architect*|optimis*|optimiz*|"
    "hyperparameter*|upgrad*|fine tun*|error analys*|rework*|redesign*|changed the model"
)
_PERF_GAIN = join(
    METRICS,
    "improv* ... by|increas* ... from|reduc* ... from|went from|from ... to ...|percent|per cent|"
    "uplift|better by|better than|faster|gain*|halved|doubled",
)
_CHANGE_RECORD = join(
    TRACKING,
    VERSIONING,
    "record*|log*|documented|document*|model card*|audit trail|decision log*|experiment log*",
)
_DATA_QUALITY = (
    "data quality|quality check*|quality control*|data curation|curat*|validat* ... data|"
    "great expectations|schema check*|schema validat*|data contract*|null*|missing value*|"
    "duplicat*|range check*|anomal*|outlier*|label quality|data validation|pandera|deequ|soda|"
    "data tests|sanity check*"
)

AM2: dict[str, CriterionSpec] = {
    "engineering-principles/pass-1": spec(
        slot("the purpose it served", "purpose|use case*|to predict|predict*|classif*|forecast*|"
             "recommend*|detect*|automat*|so that|in order to|aim*|goal*|business value|"
             "problem|triag*|summaris*|summariz*|extract*", core=True),
        slot("the kind of ML or AI solution", "machine learning|ml|ai|computer vision|vision|nlp|"
             "natural language|llm|llms|large language model*|generative|genai|gen ai|transformer*|"
             "gpt*|chatbot*|robotic*|rpa|batch learning|online learning|deep learning|"
             "neural network*|reinforcement learning|supervised|unsupervised|classifier*|"
             "regression|clustering|time series|anomaly detection|recommender*|ocr|speech"),
        slot("the methodology", "methodolog*|crisp dm|crisp ml|approach*|method*|framework*|"
             "pipeline*|lifecycle|train*|fine tun*|rag|retrieval augmented|prompt engineer*|"
             "transfer learning|labelled data|labeled data|embedding*"),
    ),
    "engineering-principles/pass-2": spec(
        slot("the ML methods you used", _ML_METHODS, core=True),
        slot("how they differ", "differ*|whereas|compar*|versus|vs|rather than|instead of|unlike|"
             "while|than|better ... for|suited|suitable|trade off*|tradeoff*|interpretab*|"
             "explainab*|simpler|more complex|outperform*|benchmark*|baseline|on the other hand"),
        slot("where each applies", "because|so that|labelled data|labeled data|no labels|"
             "unlabelled|unlabeled|tabular|text|image*|sequential|use case|for our|this problem|"
             "applied|chose*|choos*|picked|select*|suits|fit* ... problem"),
        need=3,
    ),
    "engineering-principles/pass-3": spec(
        slot("the mathematical principle", join(_MATHS,
             "squared error|least squares|average*|median|percentile*|skew*|exponential|"
             "tweedie|poisson|gaussian|normal distribution|binomial|distance*|similarity|"
             "partial derivative*|weights|weighted|sum of|product of|slope|intercept|decay"), core=True),
        slot("the technique it underpins", "model*|algorithm*|train*|logistic regression|"
             "linear regression|tree*|neural network*|boost*|cluster*|embedding*|technique*|"
             "feature*|pca|svm|classifier*|forecast*"),
        slot("the organisational context", "business|organis*|organiz*|compan*|stakeholder*|team*|"
             "our data|our customer*|client*|explain* ... to|decision*|cost*|interpret*|manager*|"
             "so that|in practice"),
    ),
    "engineering-principles/pass-4": spec(
        slot("sources of error", "error*|noise|noisy|mislabel*|label* ... wrong|measurement|"
             "sampling|sample bias|selection bias|survivorship|overfit*|underfit*|leak*|leakage|"
             "missing data|missing value*|imbalanc*|outlier*|confound*|drift*|inaccura*|"
             "historic* bias", core=True),
        slot("algorithmic bias", BIAS, core=True),
        slot("how the dataset choice affects it", "dataset*|data set*|training data|sampl*|"
             "representat*|underrepresent*|historic* data|collected|source*|third party data|"
             "synthetic data|label*|population"),
        slot("how the method affects it", join(EXPLAIN, "methodolog*|algorithm*|chose*|threshold*|"
             "reweigh*|re weigh*|resampl*|stratif*|class weight*|fairness constraint*|debias*|"
             "model choice|choice of")),
    ),
    "engineering-principles/pass-5": spec(
        slot("integrating an AI approach or API", "integrat*|api|apis|third party|vendor*|openai|"
             "azure openai|bedrock|gemini|claude|gpt*|llm|llms|cognitive services|vision api|"
             "textract|form recogni*|document intelligence|plug* ... into|embed*|connect*|"
             "webhook*|microservice*|power automate|copilot|rpa|uipath", core=True),
        slot("spotting the potential for automation", "automat*|manual*|by hand|spreadsheet*|"
             "repetitive|time consuming|hours|freed|free up|efficien*|workflow*|streamlin*|"
             "opportunit*|spotted|noticed|proactive*|propos*|"
             "copy and paste|copying|retyp*|re typ*|manually|tedious|boring|hours a week|"
             "days a month|bottleneck*|labour intensive|paper*|forms|data entry|eyeball*|"
             "read* every|check* every|sift*|triag*|backlog", core=True),
        slot("the existing process", "existing|process*|workflow*|crm|erp|sap|salesforce|legacy|"
             "system*|tool*|operations|servicenow|sharepoint|outlook"),
    ),
    "model-testing-improvement/pass-1": spec(
        slot("assessing vulnerabilities", join(SECURITY, "risk assessment*|security review*|"
             "threat model*|stride|scan*|red team*"), core=True),
        slot("security throughout the lifecycle", "from the start|from inception|inception|"
             "design stage|design phase|early|throughout|every stage|each stage|all stages|"
             "lifecycle|life cycle|data collection|during training|at deployment|shift left|"
             "security by design|secure by design|privacy by design|before ... deploy*|each phase"),
        slot("the implications and mitigations", join(MITIGATE, "implication*|consequence*|"
             "impact*|could have|would have|exposed|expos*")),
    ),
    "model-testing-improvement/pass-2": spec(
        slot("regulatory and legal issues", join(DATA_PROTECTION, LEGAL), core=True),
        slot("ethical issues", "ethic*|fair*|bias*|harm*|consent|transparen*|responsible|"
             "ethics board|ethics panel|ethics committee", core=True),
        slot("governance and quality control", "governance|data quality|quality control|"
             "quality check*|great expectations|validation rule*|data owner*|steward*|approval*|"
             "sign off|signed off|audit*|lineage|catalog*|data contract*|schema check*|qa",
             core=True),
        slot("choices at each stage of the data process", "each stage|every stage|stage*|ingest*|"
             "collect*|stor*|retention|labell*|shar*|transfer*|delet*|chose*|decided|decision*|"
             "option*|weigh*|trade off*|instead of|rather than|source*"),
    ),
    "model-testing-improvement/pass-3": spec(
        slot("working with complexity and uncertainty", "complex*|uncertain*|ambigu*|unclear|"
             "unknown*|no clear|messy|incomplete|limited data|little data|sparse|noisy|conflicting|"
             "changing requirement*|new to|unfamiliar|never ... before|risky|novel|trial and error|"
             "spike*|proof of concept|poc|difficult|challeng*|hard problem|nobody knew|no one knew|"
             "didn t know|hardly any|few confirmed|no labels|unlabelled|unlabeled|no ground truth|"
             "not sure|no obvious|first time|didn t start with|"
             "moving target|kept changing|unreliable|patchy|gaps in|inconsistent|no one had|"
             "nobody had|nothing to go on|from scratch|no existing|guess*|unsure|learn* as|"
             "figure* out|figuring out|work* out how|tricky|edge case*|grey area*", core=True),
        slot("evaluating software solutions", "evaluat* ... tool*|evaluat* ... solution*|"
             "evaluat* ... option*|compar* ... tool*|compar* ... vendor*|compar* ... option*|"
             "vendor*|tool*|platform*|librar*|build or buy|build vs buy|build versus buy|"
             "off the shelf|open source|benchmark*|trial*|shortlist*|proof of concept|poc|"
             "feasibility|acceptance test*|usability test*|synthetic data|test data|pilot*"),
        slot("solving a business problem", "business problem|business|solv*|reduc*|improv*|saved|"
             "saving*|cost*|revenue|customer*|stakeholder*|outcome*|impact*"),
    ),
    "model-testing-improvement/pass-4": spec(
        slot("refining or re-engineering the model", join(_REFINE,
             "added ... data|more data|extra data|changed ... threshold|adjust*|tweak*|"
             "swapped|moved to|tried ... instead|new version|second version|v2|rewrote|fixed|"
             "went back|reweigh*|rebalanc*|different model|another model|changed ... feature*|"
             "changed ... approach"), core=True),
        slot("the performance gain", _PERF_GAIN),
        slot("recording and managing the change", _CHANGE_RECORD),
        need=3,
    ),
    "model-testing-improvement/dist-1": spec(
        slot("refining the model", join(_REFINE,
             "added ... data|more data|extra data|changed ... threshold|adjust*|tweak*|"
             "swapped|moved to|tried ... instead|new version|second version|v2|rewrote|fixed|"
             "went back|reweigh*|rebalanc*|different model|another model|changed ... feature*|"
             "changed ... approach"), core=True),
        slot("why you refined it", "because|drift*|degrad*|decay*|complain*|feedback|chang* ... business|"
             "new requirement*|regulat*|bias*|error analys*|false positive*|false negative*|miss*|"
             "cost*|latency|so that|reason*|weak*|struggl*|poor*"),
        slot("the performance gain", _PERF_GAIN),
    ),
    "model-management/pass-1": spec(
        slot("the platform architecture", CLOUD, core=True),
        slot("the hardware", HARDWARE, core=True),
        slot("why you selected them for the computational problem", "chose*|choos*|select*|picked|"
             "decid*|compar*|benchmark*|because|cost*|latency|throughput|scal*|comput*|workload|"
             "volume*|memory|fit* in"),
        slot("the impact for the organisation", "impact*|organis*|business|saving*|saved|revenue|"
             "value|faster|reduc*|stakeholder*|customer*"),
    ),
    "model-management/pass-2": spec(
        slot("the data types involved", "data type*|type* of data|structured|unstructured|"
             "semi structured|images|image data|text data|free text|audio|video|tabular|json|"
             "parquet|csv|avro|streaming data|time series|personal data|pii|sensitive data|"
             "special category|volume*|variety|format*|large files|gb|tb|terabyte*|gigabyte*",
             core=True),
        slot("security and scalability implications", "secur*|encrypt*|access control*|scal*|"
             "throughput|partition*|shard*|distributed|spark|storage|latency|bottleneck*"),
        slot("the cost of local, remote or distributed options", join(COST, "local|on prem*|"
             "on premise*|remote|cloud|distributed|hybrid|saas|paas|iaas|hosted|managed service*|"
             "self host*|aws|azure|gcp")),
        slot("supply chain risks", "supply chain*|supplier*|vendor*|third party|third parties|"
             "open source|dependenc*|pypi|sbom|pinned|pin* ... version*|lock file|lockfile|licen*|"
             "hardware supplier*|chip*|gpu shortage|lead time*|lock in|vendor lock*|"
             "pretrained model*|hugging face|model hub|provenance|"
             "provider*|contract*|outsourc*|external|librar*|package*|deliver*|shipping|stock|"
             "shortage*|partner*|api provider*|depend* on|relied on|rely on|single supplier|"
             "one supplier|open weights|downloaded ... model*|third party model*|price rise*|"
             "went bust", core=True),
    ),
    "model-management/pass-3": spec(
        slot("model drift", "model drift|concept drift|prediction drift|model decay|model degrad*|"
             "performance decay|performance degrad*|stale|label drift|target drift|drift*",
             "accuracy|performance|f1|precision|recall|auc|error*|metric*|prediction* + "
             "drop*|fell|fall*|declin*|degrad*|decay*|worse*|slipp*|went down|dip*|deteriorat*",
             "error*|prediction*|predicted|forecast*|estimate*|model + way off|off|wrong|worse|"
             "huge|"
             "jump*|spike*|rose|went up|way under|way over|under predict*|over predict*|drift*",
             core=True),
        slot("data drift", "data drift|covariate shift|distribution shift|dataset shift|input drift|"
             "feature drift|population stability|psi|kolmogorov|ks test|ks statistic|chi square*|"
             "jensen shannon|wasserstein|kl divergence|training serving skew|train serve skew",
             "input*|feature*|distribution*|incoming data|new data|live data|data + differ*|chang*|"
             "shift*|drift*|moved|skew*|look* different|diverg* + train*|baseline|reference|"
             "historic*|used to",
             "mix|profile|pattern*|behaviour*|type* of|kind* of|seasonal* + chang*|shift*|differ*|"
             "new|moved", core=True),
        slot("performance metrics", METRICS),
        slot("monitoring in place", MONITOR),
        slot("robustness outside the domain of applicability", ROBUST),
    ),
    "model-management/pass-4": spec(
        slot("decommissioning", "decommission*|retir*|sunset*|deprecat*|switch* off|turn* off|"
             "shut* down|archiv*|delet*|remov* ... model*|tear down|teardown|end of life|eol|"
             "wind down|offboard*|"
             "phased out|phase* out|took ... offline|taken offline|stopped ... running|"
             "stop* using|no longer ... used|no longer ... running|unplugged|pulled ... model|"
             "removed ... from production|replaced ... with|migrat* off|closed down|"
             "cleaned up|clean up|got rid of", core=True),
        slot("managing current and legacy models", "legacy|old model*|previous model*|"
             "current model*|champion|challenger|model registry|registry|version*|inventory|"
             "model catalogue|model catalog|register|production model*|replac*|migrat*|rollback|"
             "roll back"),
        slot("the process and policy", "process|procedure*|polic*|checklist*|runbook*|playbook*|"
             "approval*|sign off|signed off|governance|retention|change request*|cab|"
             "change advisory|audit*|itil|servicenow|steps"),
    ),
    "model-management/pass-5": spec(
        slot("the policies, regulation and standards", "polic*|governance|regulat*|standard*|iso|"
             "27001|42001|gdpr|fca|pra|sox|sarbanes|hipaa|nhs|compliance|compliant|model risk|"
             "sr 11 7|ss1 23|eu ai act|ai act|internal control*|three lines", core=True),
        slot("the audit activities", "audit*|auditor*|assurance|evidence|inspection|attest*|"
             "control test*|model validation team|second line|third line|internal audit|review*",
             core=True),
        slot("documenting the assets through their lifecycle", join(DOCS, "model card*|registry|"
             "inventory|lineage|log*|record*|version*|audit trail*|metadata|changelog")),
    ),
    "model-management/dist-1": spec(
        slot("the risks you considered", "risk*|implication*|threat*|vulnerab*|exposure|concern*",
             core=True),
        slot("security", SECURITY),
        slot("scalability of the infrastructure", "scal*|autoscal*|capacity|load|throughput|"
             "latency|infrastructure|architect*|kubernetes|cluster*|serverless|replica*|node*|"
             "partition*|concurren*"),
    ),
    "model-management/dist-2": spec(
        slot("monitoring", MONITOR, core=True),
        slot("data curation and quality control", _DATA_QUALITY),
        slot("performance metrics", METRICS),
        slot("the robustness it gave", "robust*|resilien*|stable|stabil*|reliab*|caught|prevent*|"
             "avoided|incident*|uptime|degrad*|before ... users|before it"),
    ),
    "compliance-assurance/pass-1": spec(
        slot("the organisation's security culture", "culture|awareness|training|phishing|"
             "simulation*|mandatory|e learning|elearning|behaviour*|attitude*|habit*|mindset|"
             "security champion*|champions|everyone|staff|colleagues|people|human error|shadow it|"
             "shortcut*|complacen*|blame|speak up|cyber essentials|could download|had access|"
             "everyone could|anyone could|shared password*|shared login*|too much access|"
             "open access|convenien*|workaround*|bypass*|emailed ... spreadsheet*|usb|"
             "attitude to|relaxed|lax|casual|didn t think|nobody thought|no one thought|"
             "people ... just|sticky note*|post it*|left ... logged in|unlocked|"
             "personal email|personal device*|whatsapp|copy* ... to ... laptop|screenshot*|"
             "password* ... shared|default password*|everyone had|too many people|"
             "admin rights|never ... checked", core=True),
        slot("how it creates security risk", join(SECURITY, "risk*|leak*|breach*|expos*|incident*")),
        slot("the ML-specific exposure", "model*|training data|notebook*|credential*|api key*|"
             "secret*|pickl*|hugging face|pretrained|poison*|prompt injection|llm|llms|chatgpt|"
             "copilot|genai|gen ai|shar* ... data|laptop*|download*|personal data|customer data"),
    ),
    "compliance-assurance/pass-2": spec(
        slot("the principles, standards and assurance frameworks", "framework*|standard*|area|"
             "safe d|safed|iso|42001|27001|23894|nist|ai rmf|cdei|alan turing|turing institute|"
             "eu ai act|ai act|ico guidance|ico|assurance|algorithmic transparency|atrs|model risk|"
             "principles|guidance|polic*|professional body|bcs|ieee|responsible ai|model card*|"
             "datasheet*|checklist*|"
             "code of practice|best practice guide*|internal standard*|playbook*|"
             "data ethics framework|ethics framework|government guidance|nhs guidance|dtac|"
             "dcb0129|dcb0160|clinical safety|hazard log|impact assessment*|dpia|review board|"
             "assurance process*", core=True),
        slot("safe use", "safe*|safety|secur*|harm*|risk*|guardrail*|human in the loop|"
             "human oversight|oversight|approval*|sign off"),
        slot("interoperable use of data and models", "interoperab*|onnx|open standard*|api|apis|"
             "schema*|format*|json|fhir|hl7|common data model|data standard*|integrat*|portab*|"
             "compatib*|exchange*|shared ... data|across systems"),
    ),
    "compliance-assurance/pass-3": spec(
        slot("acting with integrity", "integrity|honest*|transparen*|raised ... concern*|"
             "push* back|pushed back|challeng*|refus*|declin*|speak up|spoke up|flagged|escalat*|"
             "whistle*|disclos*|admitted|owned up|right thing|ethic*|ethics board|ethics panel|"
             "ethics committee|responsib*|wasn t comfortable|not comfortable|uncomfortable|"
             "raised it|raised ... with|went to ... data protection officer|went to ... compliance|"
             "took it to|breach*|objected|questioned|said no|stopped|wrote to|suggested we|"
             "pointed ... to|wasn t covered|without approval|not allowed|outside ... approved",
             core=True),
        slot("legal and regulatory requirements", join(DATA_PROTECTION, LEGAL)),
        slot("the ethical aspects of data and models", "fair*|bias*|consent|privacy|harm*|"
             "vulnerable|discriminat*|explainab*|transparen*|misuse|surveillance|trust"),
    ),
    "collaborative-working-am2/pass-1": spec(
        slot("the stakeholders, suppliers and teams", STAKEHOLDERS),
        slot("how you engaged them", ENGAGE),
        slot("negotiating priorities and expectations", NEGOTIATE, core=True),
    ),
    "collaborative-working-am2/pass-2": spec(
        slot("acting inclusively", "inclusi*|includ*|accessib*|all voices|quiet*|"
             "neurodiver*|dyslexi*|disab*|adjust*|reasonable adjustment*|captions|subtitles|"
             "screen reader*|jargon|plain english|plain language|non technical|nontechnical|"
             "different background*|respect*|welcom*|psychological safety|"
             "safe space|time zone*|part time|remote colleague*|first language|"
             "made sure everyone|everyone ... chance|everyone ... say|everyone ... heard|"
             "round robin|went round|quieter|shy|introvert*|in advance|ahead of ... meeting|"
             "beforehand|transcript*|hearing|visual impair*|colour blind*|"
             "color blind*|font|dyslexia|autism|autistic|adhd|second language|non native|"
             "translat*|interpreter*|flexib*|different ways|own pace|their pace|"
             "no stupid question*|avoid* ... jargon|without jargon|everyday language|"
             "simple terms|analog*|background*|junior*|new starter*|not technical|"
             "less technical|felt able|comfortable|confiden*|written ... option|anonymous*|"
             "chat|camera*", core=True),
        slot("sharing knowledge and empowering others", "knowledge shar*|shar* ... knowledge|"
             "teach*|taught|train* ... colleague*|train* ... team|mentor*|coach*|pair program*|"
             "pairing|lunch and learn|brown bag|workshop*|wiki|confluence|guide*|document*|"
             "upskill*|empower*|self serve|self service|community of practice|show and tell|"
             "onboard*|buddy|walkthrough*|explain*|"
             "showed|show* ... how|walked ... through|documentation|notes|session*|drop in*|"
             "office hours|q and a|demo*|explainer*|handbook|playbook*|readme|pair*|shadowing|"
             "helped ... learn|learn*|themselves|on their own|independently|without me|"
             "confiden*|run it|handover|hand over|handed over|recorded|video*|template*|"
             "cheat sheet*"),
        slot("equality, diversity and inclusion policy", "equality|diversity|inclusion|edi|dei|"
             "equality act|protected characteristic*|polic*|unconscious bias|hr|wcag|"
             "accessibility standard*|"
             "accessibility guideline*|code of conduct|inclusive language|"
             "reasonable adjustment*|staff network*|ed and i|equal opportunit*|fair treatment|"
             "flexible working|neurodivers*|disabilit*|accessib*|guidance|hr team|"
             "company ... polic*|trust ... polic*|council ... polic*"),
    ),
    "collaborative-working-am2/pass-3": spec(
        slot("how your role supports the organisation's strategy", "strateg*|objective*|goal*|"
             "mission|okr*|kpi|kpis|roadmap|business plan|my role|role|responsib*|contribut*|"
             "priorit*|aim*|annual plan|corporate plan|five year plan|strategic|net zero|"
             "target*|bigger picture|bottom line|savings|directive|vision|plan for|push to|"
             "push for|drive to|programme|transformation|digital ... plan|ambition*"),
        slot("unpredictable and changing circumstances", "chang*|unpredictab*|unexpected*|"
             "uncertain*|sudden*|shift*|pivot*|restructur*|reorganis*|new regulation|last minute|"
             "short notice|outage|incident*|crisis|covid|budget cut*|deadline ... moved|"
             "disrupt*|emergenc*|urgent*|surprise*|out of nowhere|overnight|unplanned|"
             "curveball|curve ball|goalpost*|reprioriti*|re prioriti*|cancel*|postpon*|delay*|"
             "redundan*|left the company|left the team|went on leave|off sick|new manager|"
             "lost ... access|stopped|freeze|frozen|cutback*|cut back|cuts|halfway through|"
             "mid project|middle of|suddenly|changed|moved|brought forward|pulled forward|"
             "announced|without warning",
             core=True),
        slot("impartial decisions that respect others' views", "impartial*|objective*|evidence|"
             "data driven|criteri*|weigh*|fair*|unbiased|neutral|listen*|respect*|opinion*|view*|"
             "perspective*|consult*|consensus|agreed|disagree*|input from|heard|decision matrix|"
             "listened|heard ... out|both sides|each side|pros and cons|scor* ... option*|"
             "scoring|criteria|numbers|the data|facts|on the merits|didn t take sides|"
             "took ... sides|favourite*|own preference|personal preference|even though i|"
             "my own view|despite|went with ... suggest*|went with their|ask* ... opinion*|"
             "gather* ... views|feedback|input|vote*|voted|concerns|point of view|fairly|"
             "compar* ... option*|options|spreadsheet",
             core=True),
        need=3,
    ),
    "collaborative-working-am2/dist-1": spec(
        slot("your stakeholder strategy", join(ENGAGE, NEGOTIATE,
             "stakeholder map*|mapped|power interest|approach*|strateg*|tailor*|"
             "different ... for each|each group|separate*|one to one*|early|from the start|"
             "up front|upfront|regular*|cadence|champion*"), core=True),
        slot("the stakeholders", STAKEHOLDERS),
        slot("the positive impact on the organisation", IMPACT),
    ),
    "continuous-professional-development/pass-1": spec(
        slot("how you find new developments", "horizon scan*|paper*|arxiv|research|journal*|"
             "conference*|neurips|icml|meetup*|webinar*|podcast*|newsletter*|blog*|twitter|"
             "linkedin|youtube|course*|coursera|udemy|certif*|kaggle|hugging face|github|read*|"
             "follow*|subscrib*|book*|communit*|trend*|emerging|new release*|release notes|"
             "articles|article|medium|substack|towards data science|reddit|hacker news|"
             "discord|slack channel*|forum*|tech talk*|conference talk*|meetup*|industry event*|"
             "hackathon*|tutorial*|docs|changelog|"
             "announcement*|latest|new model*|new version*|state of the art|cutting edge|"
             "keep up|keeping up|up to date|news|papers with code|leaderboard*|preprint*|"
             "study group|reading group|journal club|colleagues at|other companies",
             core=True),
        slot("using your own initiative", "initiative|self directed|own time|myself|proactive*|"
             "volunteer*|set up|started|organis*|weekend*|evening*|personal project*|"
             "side project*|on my own|self taught|chose to|decided to|every week|each week|"
             "down to me|asked to|reached out|contacted|got in touch|off my own back|nobody asked|"
             "no one asked|wasn t asked|heard ... using|"
             "every morning|habit"),
        slot("applying it to your work", "appli*|tri* ... out|trialled|trialed|prototyp*|"
             "proof of concept|poc|introduc*|brought ... into|adopt*|experiment*|"
             "present* ... team|shared ... team|lunch and learn|demo*|new tool*|new technique*|"
             "new librar*|replac*|switch*|tri* it|tri* ... on|built in|now being used|now used|"
             "rolled ... out"),
    ),
}  # fmt: skip
