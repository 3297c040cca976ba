"""IRIs of the kg ontology and of the other vocabularies kg data uses, as plain strings.

Generated from ontology/kg.ttl by scripts/gen_vocab.py: do not edit by hand (tests/ontology
fails when this file and the ontology disagree). Imports nothing, rdflib included. Each class
is a read-only namespace of ``str`` constants: ``KG.VideoCall`` is the full IRI, and a term
that does not exist (``KG.Videocall``) raises AttributeError.
"""

from __future__ import annotations


class _Namespace(type):
    """Metaclass of the namespaces below: their attributes cannot be set or deleted."""

    def __setattr__(cls, name: str, value: object) -> None:
        raise AttributeError(f"{cls.__name__} is read-only: cannot set {name!r}")

    def __delattr__(cls, name: str) -> None:
        raise AttributeError(f"{cls.__name__} is read-only: cannot delete {name!r}")

    def __call__(cls, *args: object, **kwargs: object) -> object:
        raise TypeError(f"{cls.__name__} is a namespace of IRIs, not a type")


ONTOLOGY_IRI = "https://w3id.org/kg-diplomacy/ontology"
ONTOLOGY_VERSION = "0.1.0"
KG_BASE = "https://w3id.org/kg-diplomacy/"
KG_NS = "https://w3id.org/kg-diplomacy/ontology#"
KG_ID_NS = "https://w3id.org/kg-diplomacy/id/"
KG_GRAPH_NS = "https://w3id.org/kg-diplomacy/graph/"
CAMEO_NS = "https://w3id.org/kg-diplomacy/codes/cameo/"
PLOVER_NS = "https://w3id.org/kg-diplomacy/codes/plover/"
WD = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kg-diplomacy/ontology#",
    "kgid": "https://w3id.org/kg-diplomacy/id/",
    "cameo": "https://w3id.org/kg-diplomacy/codes/cameo/",
    "plover": "https://w3id.org/kg-diplomacy/codes/plover/",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}

# the prefixes of kg's own data (resources, named graphs), for exports
DATA_PREFIXES: dict[str, str] = {
    "kgid": "https://w3id.org/kg-diplomacy/id/",
    "kgg": "https://w3id.org/kg-diplomacy/graph/",
}

# the vocabularies of the endpoint's Service Description (not used by kg data)
SERVICE_PREFIXES: dict[str, str] = {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "formats": "http://www.w3.org/ns/formats/",
    "void": "http://www.w3.org/ns/void#",
}


class KG(metaclass=_Namespace):
    """Terms of the kg ontology (https://w3id.org/kg-diplomacy/ontology#)."""

    # classes
    Actor = "https://w3id.org/kg-diplomacy/ontology#Actor"
    Article = "https://w3id.org/kg-diplomacy/ontology#Article"
    Country = "https://w3id.org/kg-diplomacy/ontology#Country"
    DatePrecision = "https://w3id.org/kg-diplomacy/ontology#DatePrecision"
    Discussion = "https://w3id.org/kg-diplomacy/ontology#Discussion"
    Encounter = "https://w3id.org/kg-diplomacy/ontology#Encounter"
    Evidence = "https://w3id.org/kg-diplomacy/ontology#Evidence"
    Meeting = "https://w3id.org/kg-diplomacy/ontology#Meeting"
    Mention = "https://w3id.org/kg-diplomacy/ontology#Mention"
    OfficeTerm = "https://w3id.org/kg-diplomacy/ontology#OfficeTerm"
    Organization = "https://w3id.org/kg-diplomacy/ontology#Organization"
    Person = "https://w3id.org/kg-diplomacy/ontology#Person"
    PhoneCall = "https://w3id.org/kg-diplomacy/ontology#PhoneCall"
    Polarity = "https://w3id.org/kg-diplomacy/ontology#Polarity"
    Stance = "https://w3id.org/kg-diplomacy/ontology#Stance"
    StateVisit = "https://w3id.org/kg-diplomacy/ontology#StateVisit"
    Summit = "https://w3id.org/kg-diplomacy/ontology#Summit"
    TextActor = "https://w3id.org/kg-diplomacy/ontology#TextActor"
    Topic = "https://w3id.org/kg-diplomacy/ontology#Topic"
    Treaty = "https://w3id.org/kg-diplomacy/ontology#Treaty"
    TreatyMention = "https://w3id.org/kg-diplomacy/ontology#TreatyMention"
    VideoCall = "https://w3id.org/kg-diplomacy/ontology#VideoCall"

    # object properties
    about = "https://w3id.org/kg-diplomacy/ontology#about"
    datePrecision = "https://w3id.org/kg-diplomacy/ontology#datePrecision"
    discussed = "https://w3id.org/kg-diplomacy/ontology#discussed"
    discussedTopic = "https://w3id.org/kg-diplomacy/ontology#discussedTopic"
    evidence = "https://w3id.org/kg-diplomacy/ontology#evidence"
    hasDiscussion = "https://w3id.org/kg-diplomacy/ontology#hasDiscussion"
    holder = "https://w3id.org/kg-diplomacy/ontology#holder"
    holdsOffice = "https://w3id.org/kg-diplomacy/ontology#holdsOffice"
    inArticle = "https://w3id.org/kg-diplomacy/ontology#inArticle"
    mentionOf = "https://w3id.org/kg-diplomacy/ontology#mentionOf"
    mentions = "https://w3id.org/kg-diplomacy/ontology#mentions"
    mentionsTreaty = "https://w3id.org/kg-diplomacy/ontology#mentionsTreaty"
    officeOf = "https://w3id.org/kg-diplomacy/ontology#officeOf"
    participant = "https://w3id.org/kg-diplomacy/ontology#participant"
    party = "https://w3id.org/kg-diplomacy/ontology#party"
    polarity = "https://w3id.org/kg-diplomacy/ontology#polarity"
    reaffirms = "https://w3id.org/kg-diplomacy/ontology#reaffirms"
    reportedBy = "https://w3id.org/kg-diplomacy/ontology#reportedBy"
    reports = "https://w3id.org/kg-diplomacy/ontology#reports"
    represents = "https://w3id.org/kg-diplomacy/ontology#represents"
    statedDuring = "https://w3id.org/kg-diplomacy/ontology#statedDuring"
    target = "https://w3id.org/kg-diplomacy/ontology#target"
    treaty = "https://w3id.org/kg-diplomacy/ontology#treaty"

    # datatype properties
    articleId = "https://w3id.org/kg-diplomacy/ontology#articleId"
    charEnd = "https://w3id.org/kg-diplomacy/ontology#charEnd"
    charStart = "https://w3id.org/kg-diplomacy/ontology#charStart"
    date = "https://w3id.org/kg-diplomacy/ontology#date"
    dateBasis = "https://w3id.org/kg-diplomacy/ontology#dateBasis"
    dateExpression = "https://w3id.org/kg-diplomacy/ontology#dateExpression"
    durationMinutes = "https://w3id.org/kg-diplomacy/ontology#durationMinutes"
    extractorVersion = "https://w3id.org/kg-diplomacy/ontology#extractorVersion"
    iso3166Alpha2 = "https://w3id.org/kg-diplomacy/ontology#iso3166Alpha2"
    iso3166Alpha3 = "https://w3id.org/kg-diplomacy/ontology#iso3166Alpha3"
    officeRole = "https://w3id.org/kg-diplomacy/ontology#officeRole"
    officeTitle = "https://w3id.org/kg-diplomacy/ontology#officeTitle"
    outlet = "https://w3id.org/kg-diplomacy/ontology#outlet"
    quote = "https://w3id.org/kg-diplomacy/ontology#quote"
    reaffirmed = "https://w3id.org/kg-diplomacy/ontology#reaffirmed"
    sentenceIndex = "https://w3id.org/kg-diplomacy/ontology#sentenceIndex"
    sentenceText = "https://w3id.org/kg-diplomacy/ontology#sentenceText"
    shortName = "https://w3id.org/kg-diplomacy/ontology#shortName"
    targetDescription = "https://w3id.org/kg-diplomacy/ontology#targetDescription"
    termEnd = "https://w3id.org/kg-diplomacy/ontology#termEnd"
    termStart = "https://w3id.org/kg-diplomacy/ontology#termStart"
    textSha256 = "https://w3id.org/kg-diplomacy/ontology#textSha256"
    year = "https://w3id.org/kg-diplomacy/ontology#year"

    # annotation properties
    attendanceMode = "https://w3id.org/kg-diplomacy/ontology#attendanceMode"

    # individuals
    CallFor = "https://w3id.org/kg-diplomacy/ontology#CallFor"
    Concern = "https://w3id.org/kg-diplomacy/ontology#Concern"
    Cooperate = "https://w3id.org/kg-diplomacy/ontology#Cooperate"
    DayPrecision = "https://w3id.org/kg-diplomacy/ontology#DayPrecision"
    MonthPrecision = "https://w3id.org/kg-diplomacy/ontology#MonthPrecision"
    Neutral = "https://w3id.org/kg-diplomacy/ontology#Neutral"
    Oppose = "https://w3id.org/kg-diplomacy/ontology#Oppose"
    Support = "https://w3id.org/kg-diplomacy/ontology#Support"
    YearPrecision = "https://w3id.org/kg-diplomacy/ontology#YearPrecision"


class SCHEMA(metaclass=_Namespace):
    """schema.org terms, with http as in schema.org's own RDF (http://schema.org/)."""

    about = "http://schema.org/about"
    attendee = "http://schema.org/attendee"
    datePublished = "http://schema.org/datePublished"
    Event = "http://schema.org/Event"
    eventAttendanceMode = "http://schema.org/eventAttendanceMode"
    headline = "http://schema.org/headline"
    license = "http://schema.org/license"
    mentions = "http://schema.org/mentions"
    name = "http://schema.org/name"
    NewsArticle = "http://schema.org/NewsArticle"
    OfflineEventAttendanceMode = "http://schema.org/OfflineEventAttendanceMode"
    OnlineEventAttendanceMode = "http://schema.org/OnlineEventAttendanceMode"
    url = "http://schema.org/url"


class RDF(metaclass=_Namespace):
    """RDF terms (http://www.w3.org/1999/02/22-rdf-syntax-ns#)."""

    first = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
    langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    nil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
    rest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
    type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


class RDFS(metaclass=_Namespace):
    """RDF Schema terms (http://www.w3.org/2000/01/rdf-schema#)."""

    comment = "http://www.w3.org/2000/01/rdf-schema#comment"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    seeAlso = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
    subClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf"


class SKOS(metaclass=_Namespace):
    """SKOS terms (http://www.w3.org/2004/02/skos/core#)."""

    altLabel = "http://www.w3.org/2004/02/skos/core#altLabel"
    broader = "http://www.w3.org/2004/02/skos/core#broader"
    closeMatch = "http://www.w3.org/2004/02/skos/core#closeMatch"
    Concept = "http://www.w3.org/2004/02/skos/core#Concept"
    inScheme = "http://www.w3.org/2004/02/skos/core#inScheme"
    notation = "http://www.w3.org/2004/02/skos/core#notation"
    prefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel"


class OWL(metaclass=_Namespace):
    """OWL terms (http://www.w3.org/2002/07/owl#)."""

    sameAs = "http://www.w3.org/2002/07/owl#sameAs"


class XSD(metaclass=_Namespace):
    """XML Schema datatypes (http://www.w3.org/2001/XMLSchema#)."""

    anyURI = "http://www.w3.org/2001/XMLSchema#anyURI"
    boolean = "http://www.w3.org/2001/XMLSchema#boolean"
    date = "http://www.w3.org/2001/XMLSchema#date"
    dateTime = "http://www.w3.org/2001/XMLSchema#dateTime"
    gYear = "http://www.w3.org/2001/XMLSchema#gYear"
    gYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth"
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    string = "http://www.w3.org/2001/XMLSchema#string"


class PROV(metaclass=_Namespace):
    """PROV-O terms (http://www.w3.org/ns/prov#)."""

    Activity = "http://www.w3.org/ns/prov#Activity"
    Entity = "http://www.w3.org/ns/prov#Entity"
    wasAttributedTo = "http://www.w3.org/ns/prov#wasAttributedTo"
    wasDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom"
    wasInfluencedBy = "http://www.w3.org/ns/prov#wasInfluencedBy"


class DCTERMS(metaclass=_Namespace):
    """DCMI Metadata Terms (http://purl.org/dc/terms/)."""

    created = "http://purl.org/dc/terms/created"
    identifier = "http://purl.org/dc/terms/identifier"
    license = "http://purl.org/dc/terms/license"
    modified = "http://purl.org/dc/terms/modified"
    source = "http://purl.org/dc/terms/source"
    title = "http://purl.org/dc/terms/title"


class SD(metaclass=_Namespace):
    """SPARQL 1.1 Service Description terms (http://www.w3.org/ns/sparql-service-description#)."""

    Dataset = "http://www.w3.org/ns/sparql-service-description#Dataset"
    defaultDataset = "http://www.w3.org/ns/sparql-service-description#defaultDataset"
    defaultGraph = "http://www.w3.org/ns/sparql-service-description#defaultGraph"
    endpoint = "http://www.w3.org/ns/sparql-service-description#endpoint"
    feature = "http://www.w3.org/ns/sparql-service-description#feature"
    Graph = "http://www.w3.org/ns/sparql-service-description#Graph"
    resultFormat = "http://www.w3.org/ns/sparql-service-description#resultFormat"
    Service = "http://www.w3.org/ns/sparql-service-description#Service"
    SPARQL11Query = "http://www.w3.org/ns/sparql-service-description#SPARQL11Query"
    SPARQL11Update = "http://www.w3.org/ns/sparql-service-description#SPARQL11Update"
    supportedLanguage = "http://www.w3.org/ns/sparql-service-description#supportedLanguage"
    UnionDefaultGraph = "http://www.w3.org/ns/sparql-service-description#UnionDefaultGraph"


class FORMATS(metaclass=_Namespace):
    """W3C format identifiers (http://www.w3.org/ns/formats/)."""

    JSON_LD = "http://www.w3.org/ns/formats/JSON-LD"
    N_Quads = "http://www.w3.org/ns/formats/N-Quads"
    N_Triples = "http://www.w3.org/ns/formats/N-Triples"
    RDF_XML = "http://www.w3.org/ns/formats/RDF_XML"
    SPARQL_Results_CSV = "http://www.w3.org/ns/formats/SPARQL_Results_CSV"
    SPARQL_Results_JSON = "http://www.w3.org/ns/formats/SPARQL_Results_JSON"
    SPARQL_Results_TSV = "http://www.w3.org/ns/formats/SPARQL_Results_TSV"
    SPARQL_Results_XML = "http://www.w3.org/ns/formats/SPARQL_Results_XML"
    TriG = "http://www.w3.org/ns/formats/TriG"
    Turtle = "http://www.w3.org/ns/formats/Turtle"


class VOID(metaclass=_Namespace):
    """VoID terms (http://www.w3.org/ns/void#)."""

    triples = "http://www.w3.org/ns/void#triples"


# The IRIs of all kg classes.
KG_CLASSES: frozenset[str] = frozenset(
    {
        KG.Actor,
        KG.Article,
        KG.Country,
        KG.DatePrecision,
        KG.Discussion,
        KG.Encounter,
        KG.Evidence,
        KG.Meeting,
        KG.Mention,
        KG.OfficeTerm,
        KG.Organization,
        KG.Person,
        KG.PhoneCall,
        KG.Polarity,
        KG.Stance,
        KG.StateVisit,
        KG.Summit,
        KG.TextActor,
        KG.Topic,
        KG.Treaty,
        KG.TreatyMention,
        KG.VideoCall,
    }
)

# The IRIs of all kg object properties.
KG_OBJECT_PROPERTIES: frozenset[str] = frozenset(
    {
        KG.about,
        KG.datePrecision,
        KG.discussed,
        KG.discussedTopic,
        KG.evidence,
        KG.hasDiscussion,
        KG.holder,
        KG.holdsOffice,
        KG.inArticle,
        KG.mentionOf,
        KG.mentions,
        KG.mentionsTreaty,
        KG.officeOf,
        KG.participant,
        KG.party,
        KG.polarity,
        KG.reaffirms,
        KG.reportedBy,
        KG.reports,
        KG.represents,
        KG.statedDuring,
        KG.target,
        KG.treaty,
    }
)

# The IRIs of all kg datatype properties.
KG_DATATYPE_PROPERTIES: frozenset[str] = frozenset(
    {
        KG.articleId,
        KG.charEnd,
        KG.charStart,
        KG.date,
        KG.dateBasis,
        KG.dateExpression,
        KG.durationMinutes,
        KG.extractorVersion,
        KG.iso3166Alpha2,
        KG.iso3166Alpha3,
        KG.officeRole,
        KG.officeTitle,
        KG.outlet,
        KG.quote,
        KG.reaffirmed,
        KG.sentenceIndex,
        KG.sentenceText,
        KG.shortName,
        KG.targetDescription,
        KG.termEnd,
        KG.termStart,
        KG.textSha256,
        KG.year,
    }
)

# The IRIs of all kg annotation properties.
KG_ANNOTATION_PROPERTIES: frozenset[str] = frozenset(
    {
        KG.attendanceMode,
    }
)

# The IRIs of all kg named individuals.
KG_INDIVIDUALS: frozenset[str] = frozenset(
    {
        KG.CallFor,
        KG.Concern,
        KG.Cooperate,
        KG.DayPrecision,
        KG.MonthPrecision,
        KG.Neutral,
        KG.Oppose,
        KG.Support,
        KG.YearPrecision,
    }
)
