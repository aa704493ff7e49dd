/**
 * Keyword tables for `parseTitle`, as plain data: regex sources over the *folded* title
 * (lower case, accents stripped, ß → ss, punctuation → spaces, abbreviations expanded).
 * Order matters in every ordered table: the first rule that matches wins, so specific
 * rules come before broad ones (../shared/research/value_truth.md §2.1 steps 4–5).
 *
 * Gender forms are written into the patterns: German -in, French -e/-rice, Spanish,
 * Portuguese and Italian -o/-a (§2.5).
 */
import type { JobFunction, NonWorkforce, Seniority, TitleLanguage } from './taxonomy.js';

/**
 * Abbreviations expanded token by token before any rule runs (§2.3, HumanMint
 * `title_abbreviations.txt` plus the GTM additions). Dots are removed first, so
 * `V.P.` is `vp` and `Sr.` is `sr`.
 *
 * Ambiguous tokens (§2.3 table, sub-rule A6) expand to their default sense and set
 * `ambiguous: true`; the spelled-out form ("Chief Risk Officer") never does.
 *
 * | Token | Default sense              | Function                          | Why |
 * |-------|----------------------------|-----------------------------------|-----|
 * | CRO   | Chief Revenue Officer      | sales (sub `revenue`)             | §2.3: "Revenue" is the B2B SaaS default; Risk is HumanMint's public-sector sense |
 * | CSO   | Chief Security Officer     | information_technology (`security`) | §2.3 says "flag"; in B2B SaaS buying groups the security sense is the one a title filter most often needs, and sales chiefs there are usually titled CRO/CCO |
 * | CPO   | Chief Product Officer      | product_management                | §2.3 default "Product" |
 * | CCO   | Chief Commercial Officer   | sales (sub `commercial`)          | §2.3 says "flag"; commercial is the common European B2B sense |
 * | CDO   | Chief Data Officer         | information_technology (`data`)   | §2.3 default "Data" |
 * | MD    | Managing Director          | general_management (c_suite)      | §2.3: Managing Director in an org context (a job-title field is one) |
 * | PM    | Product Manager            | product_management (senior IC)    | §2.3: flag the function, seniority `senior` IC |
 */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['sr', 'senior'], ['snr', 'senior'], ['jr', 'junior'], ['mgr', 'manager'], ['mngr', 'manager'],
  ['mgmt', 'management'], ['dir', 'director'], ['hd', 'head'], ['asst', 'assistant'], ['ast', 'assistant'],
  ['assoc', 'associate'], ['coord', 'coordinator'], ['spec', 'specialist'], ['rep', 'representative'],
  ['eng', 'engineer'], ['engr', 'engineer'], ['dev', 'developer'], ['ops', 'operations'], ['fin', 'finance'],
  ['acct', 'accounting'], ['mktg', 'marketing'], ['mkt', 'marketing'], ['hr', 'human resources'],
  ['it', 'information technology'], ['ict', 'information technology'], ['edv', 'information technology'],
  ['gm', 'general manager'], ['gf', 'geschaftsfuhrer'], ['dg', 'directeur general'], ['sdr', 'sales development representative'],
  ['bdr', 'business development representative'], ['ae', 'account executive'], ['revops', 'revenue operations'],
  ['csm', 'customer success manager'], ['kam', 'key account manager'], ['bizdev', 'business development'],
  ['ceo', 'chief executive officer'], ['cfo', 'chief financial officer'], ['cto', 'chief technology officer'],
  ['cio', 'chief information officer'], ['cmo', 'chief marketing officer'], ['coo', 'chief operating officer'],
  ['chro', 'chief human resources officer'], ['ciso', 'chief information security officer'],
  ['clo', 'chief legal officer'], ['cgo', 'chief growth officer'], ['cbo', 'chief business development officer'],
  ['cao', 'chief administrative officer'], ['cxo', 'c level'],
  ['cro', 'chief revenue officer'], ['cso', 'chief security officer'], ['cpo', 'chief product officer'],
  ['cco', 'chief commercial officer'], ['cdo', 'chief data officer'], ['md', 'managing director'],
  ['pm', 'product manager'],
]);

/** The tokens of the table above whose expansion is a default, not a certainty (A6). */
export const AMBIGUOUS_TOKENS: ReadonlySet<string> = new Set(['cro', 'cso', 'cpo', 'cco', 'cdo', 'md', 'pm']);

/** Top-executive phrases, shared by the c_suite seniority rule and the general_management function rule (§2.5). */
const TOP_EXEC =
  '\\bchief executive\\b|\\bmanaging director\\b|\\bgeneral manager\\b|\\bgesch\\w{1,2}ftsf\\w{1,2}hr\\w*|\\bvorstand\\w*|\\bvorsitzend\\w*' +
  '|(?<!vice )\\bpresident[ea]?\\b|\\bpdg\\b|\\bdirect(?:eur|rice) generale?\\b|\\bdirector[a]? general\\b|\\bdiretor[a]? geral\\b' +
  '|\\bdirett(?:ore|rice) generale\\b|\\bgerente (?:general|geral)\\b|\\bamministratore delegato\\b|\\balgemeen directeur\\b' +
  '|\\bconsejer[oa] delegad[oa]\\b|\\bgerant[e]?\\b|\\bchair(?:man|woman|person)?\\b|\\bbestuurder\\b';

const OWNER =
  'owner|co owner|business owner|proprietor|inhaber\\w*|unternehmensinhaber\\w*|eigenaar\\w*|proprietaire|propietari[oa]|proprietari[oa]|titolare';
const SELF_EMPLOYED =
  'self employed|selbst\\w{0,3}ndig\\w*|independant[e]?|independiente|autonom[oa]|zelfstandig\\w*|zzp\\w*|entrepreneur\\w*|unternehmer\\w*|ondernemer|empresari[oa]|imprenditor[ei]';
const FOUNDER =
  'co ?founder|founder|founding partner|(?:mit)?grunder(?:in)?|mitbegrunder(?:in)?|(?:co ?)?fondat(?:eur|rice|ore)|(?:co ?)?fundador[a]?|(?:mede)?oprichter';

/**
 * Seniority ladder (§2.1 step 4, §6.1): founder/owner → c_suite → partner → vp → head →
 * director → manager → senior → entry, with two overrides in front.
 */
export const SENIORITY_RULES: ReadonlyArray<readonly [string, Seniority]> = [
  // Interns first: "Product Manager Intern" is an intern. Werkstudent/Praktikant are Junior in snapADDY (§2.4).
  // Trainees and apprentices are LinkedIn's "Training" level, with interns (§6.1 crosswalk).
  ['\\b(?:intern|interns|internship|werkstudent\\w*|working student|praktikant\\w*|stagiaire|becari[oa]|estagiari[oa]|stagista|tirocinante|stagiair|pasante|trainee|apprentice\\w*|auszubildend\\w*|azubi|alternant[e]?|aprendiz|afstudeer\\w*)\\b', 'intern'],
  // The "Manager trap" (§2.3): these managers are individual contributors; so are Product/Process Owners.
  ['\\b(?:key account|account|product|project|program|programme|customer success|territory|partner|category|community|social media|office|projekt|produkt) ?manager(?:in)?\\b|\\bchef de (?:projet|produit)\\b|\\bprojektleit\\w*|\\b(?:product|process|service|system|data) owner\\b', 'senior'],
  // Self-employed and Inhaber are owners (§2.4: snapADDY puts Inhaber under Management).
  [`\\b(?:${OWNER}|${SELF_EMPLOYED})\\b`, 'owner'],
  [`\\b(?:${FOUNDER})\\b`, 'founder'],
  [`\\bchief\\b(?! of staff)|\\bc (?:level|suite)\\b|${TOP_EXEC}`, 'c_suite'],
  ['(?<!business |channel |sales |resources |implementation |technology |acquisition |talent |people |success |account )\\b(?:managing |senior |equity )?partner(?:in)?\\b|\\bteilhaber\\w*|\\bsoci[oa]\\b|\\bassociee?\\b|\\bvennoot\\b', 'partner'],
  // EVP/SVP/AVP stay vp (§2.3).
  ['\\b(?:[aesg]?vp|vice president[ea]?|vicepresident[ea]?|vizeprasident(?:in)?)\\b', 'vp'],
  // "Leiter" and its compounds are Lead in snapADDY (137/137, §2.5); team/group leads are managers.
  // Responsable/Responsabile X heads function X (§2.5 allows head or manager; like "Leiter X").
  ['\\b(?:head|hoofd|jef[ea]|capo|chef d(?:e|es|u)|responsable|responsabile)\\b|(?<!team|gruppen)leit(?:er|erin|ung)\\b', 'head'],
  // Prokurist: authorised signatory, §2.5 → director.
  ['\\b(?:director[a]?|directeur|directrice|diretor[a]?|direttore|direttrice|direktor(?:in)?|dirigente|prokurist(?:in)?)\\b', 'director'],
  // Gerente/Gestor → manager; Jefe and Responsable → head above (literally "head of").
  ['\\b(?:manager(?:in)?|managers|team ?lead(?:er)?|teamleit\\w*|gruppenleit\\w*|supervis\\w*|gerente|encargad[oa]|leidinggevende|teamleider|bedrijfsleider|gestor[a]?)\\b', 'manager'],
  ['\\b(?:senior|lead|principal|staff|expert[ea]?)\\b', 'senior'],
  ['\\b(?:junior|associate|assistant\\w*|assistent\\w*|asistente|assistente|auxiliar|graduate|entry level|coordinat\\w*|coordinador[a]?|coordenador[a]?|representative|medewerker|impiegat[oa]|employee|empleado|secretar\\w*|sekretar\\w*|receptionist)\\b|(?:mitarbeiter|sachbearbeiter)(?:in)?\\b', 'entry'],
];

/** Not in the workforce (§2.2 A4). Werkstudent/Praktikant are interns, handled by the ladder. */
export const NON_WORKFORCE_RULES: ReadonlyArray<readonly [string, NonWorkforce]> = [
  ['\\b(?:retired|retiree|pensioner|rentner(?:in)?|pensionar(?:in)?|im ruhestand|retraite[e]?|jubilad[oa]|aposentad[oa]|reformad[oa]|pensionad[oa]|gepensioneerd|pensionat[oa]|in pensione)\\b', 'retired'],
  ['\\b(?:job ?seeker|job ?hunting|looking for (?:work|a job|job|a new \\w+|new opportunities|opportunities)|open to (?:work|opportunities|new opportunities)|seeking (?:work|employment|new opportunities|opportunities)|between jobs|arbeits?suchend\\w*|jobsuchend\\w*|auf jobsuche|demandeu(?:r|se) d ?emploi|en recherche d ?emploi|buscando (?:empleo|trabajo|emprego)|en busca de (?:empleo|trabajo)|a procura de emprego|procurando emprego|werkzoekend\\w*|in cerca di (?:lavoro|occupazione)|cerco lavoro)\\b', 'job_seeker'],
  ['\\b(?:unemployed|arbeitslos\\w*|erwerbslos\\w*|sans emploi|chomeu(?:r|se)|desemplead[oa]|desempregad[oa]|werkloos|disoccupat[oa]|inoccupat[oa])\\b', 'unemployed'],
  ['\\b(?:student(?:in|e|a|essa)?|students|studierend\\w*|etudiant[e]?|estudiante|estudante|doktorand(?:in)?|phd candidate|schuler(?:in)?)\\b', 'student'],
];

/**
 * Function rules, specific before broad (§2.1 step 5). Choices the research leaves open:
 * - Controller/Accountant/Buchhalter/audit/tax → `accounting` (LinkedIn files controllers
 *   under Accounting); CFO/treasury/FP&A/investment/risk → `finance`.
 * - Data Scientist / ML / data engineer → `engineering` (sub `data_science`): in B2B SaaS
 *   data teams buy and sit with engineering; LinkedIn's Research is for scientists at large.
 * - RevOps → `operations` (sub `revops`): it spans sales, marketing and CS ops.
 * - Security → `information_technology` (sub `security`); military guards come first.
 */
export const FUNCTION_RULES: ReadonlyArray<readonly [string, JobFunction, string?]> = [
  [TOP_EXEC, 'general_management'],
  ['\\bchief of staff\\b|\\bstrateg\\w*', 'general_management', 'strategy'],
  ['\\b(?:executive assistant|personal assistant|administrative assistant|office manager\\w*|secretar\\w*|sekretar\\w*|secretaire|segretari[oa]|receptionist\\w*|empfang\\w*|receptie\\w*|recepcionista|office assistant)\\b', 'administrative'],
  ['\\b(?:military|army|navy|air force|marines?|soldier|soldat\\w*|bundeswehr|police\\w*|polizei\\w*|policia|policier|carabinier\\w*|firefight\\w*|feuerwehr\\w*|pompier|security guard|guard|sergeant|lieutenant|colonel|veteran)\\b', 'military_and_protective_services'],
  ['\\b(?:security|cyber ?security|infosec|sicherheit|securite|seguridad|seguranca|sicurezza|beveiliging)\\b', 'information_technology', 'security'],
  ['\\b(?:risk|risiko\\w*|risque|riesgo|risco|rischio)\\b', 'finance', 'risk'],
  ['\\b(?:sales engineer\\w*|solutions? (?:engineer|consultant|architect)\\w*|pre ?sales)\\b', 'sales', 'presales'],
  ['\\brevenue operations\\b', 'operations', 'revops'],
  ['\\bdemand gen\\w*', 'marketing', 'demand_generation'],
  ['\\bgrowth\\b', 'marketing', 'growth'],
  ['\\bproduct marketing\\b', 'marketing', 'product_marketing'],
  ['\\bchief data\\b', 'information_technology', 'data'],
  ['\\b(?:data scien\\w*|machine learning|data engineer\\w*|ml engineer\\w*|artificial intelligence)\\b', 'engineering', 'data_science'],
  ['\\b(?:information technology|chief information|information systems?|system\\w* ?administrat\\w*|sysadmin|network\\w*|infrastructure|devops|cloud|help ?desk|service desk|desktop support|database administrator|dba|informatique|informatica|informatik\\w*)\\b', 'information_technology'],
  ['\\b(?:chief customer|customer (?:success|support|service|care|experience)|client (?:success|services?|support)|technical support|support|kundenservice|kundenbetreuung|kundendienst|service client|relation client\\w*|atencion al cliente|servicio al cliente|atendimento|sucesso do cliente|klantenservice|assistenza clienti)\\b', 'customer_success_and_support'],
  ['entwickler(?:in)?\\b|\\b(?:chief technology|software|developer\\w*|programmer|programmierer\\w*|programador[a]?|programmatore|front ?end|back ?end|full ?stack|developpeu(?:r|se)|desarrollador[a]?|desenvolvedor[a]?|sviluppator[ei]|ontwikkelaar|coder|firmware|embedded)\\b', 'engineering'],
  ['\\b(?:quality|qa|qc|tester|test (?:engineer|automation|analyst|manager|lead)|qualitat\\w*|qualite|calidad|qualidade|kwaliteit|qualita)\\b', 'quality_assurance'],
  ['\\b(?:design\\w*|ux|ui|creative|kreativ\\w*|creati(?:f|ve)|art director|illustrat\\w*|graphi\\w*|grafik\\w*|grafic[oa]|disen\\w*|photograph\\w*|fotograf\\w*|video\\w*|animat\\w*|artist)\\b', 'arts_and_design'],
  ['\\b(?:teacher|professor\\w*|profesor[a]?|professeur\\w*|lecturer|tutor|instructor|educat\\w*|lehrer\\w*|lehrkraft|dozent\\w*|enseignant\\w*|docente|leraar|docent|insegnante|school|academic|faculty)\\b', 'education'],
  ['\\b(?:social worker|sozialarbeit\\w*|sozialpadagog\\w*|case ?worker|counsel+or|volunteer|non ?profit|community outreach|travailleur social|trabajador[a]? social|assistente social|maatschappelijk\\w*|youth worker|ehrenamt\\w*)\\b', 'community_and_social_services'],
  ['\\b(?:compliance|privacy|datenschutz\\w*|data protection|regulatory)\\b', 'legal', 'compliance'],
  ['\\b(?:legal|counsel|attorney|lawyer|paralegal|solicitor|barrister|jurist\\w*|juridi\\w*|avocat\\w*|abogad[oa]|advogad[oa]|avvocat[oa]|advocaat|rechtsanwalt\\w*|syndikus\\w*|notar\\w*|legale)\\b', 'legal'],
  ['\\b(?:human resources?|people|talent\\w*|recruit\\w*|recruteu(?:r|se)|reclutador[a]?|recrutador[a]?|selezione|personal(?:leit\\w*|referent\\w*|abteilung|wesen|entwickl\\w*|er\\w*)?|personeel\\w*|ressources humaines|recursos humanos|risorse umane|rh|rrhh|payroll|lohn\\w*|compensation|benefits|learning and development|headhunter|hiring)\\b', 'human_resources'],
  ['buchhalt|\\b(?:accountant|accounting|bookkeep\\w*|buchfuhr\\w*|controller\\w*|controlling|comptab\\w*|contab\\w*|contador[a]?|boekhoud\\w*|ragionier[ea]|audit\\w*|tax|steuer\\w*|fiscal\\w*|accounts (?:payable|receivable)|cpa)\\b', 'accounting'],
  ['\\b(?:kaufmannisch\\w*|finan\\w*|treasur\\w*|investment\\w*|investor relations|fpa|credit|banking|banker|wealth|actuar\\w*|underwrit\\w*|mergers acquisitions)\\b', 'finance'],
  ['\\b(?:category manag\\w*|purchas\\w*|procure\\w*|buyer\\w*|sourcing|einkauf\\w*|beschaffung\\w*|achat\\w*|acheteu(?:r|se)|compras?|comprador[a]?|acquist[io]|inkoop\\w*|inkoper|buying|vendor management|supplier\\w*|lieferant\\w*)\\b', 'purchasing'],
  ['\\b(?:real estate|realtor|estate agent|property|properties|immobili\\w*|inmobiliari[oa]|imobiliari[oa]|makelaar|vastgoed|leasing agent)\\b', 'real_estate'],
  ['\\b(?:business development|business developer|chief business|partnerships?|partner manager|alliances?|channel\\w*|geschaftsentwicklung|developpement commercial|desarrollo de negocio\\w*|expansion de negocio\\w*|new business)\\b', 'business_development'],
  ['\\brevenue\\b', 'sales', 'revenue'],
  ['\\bchief commercial\\b', 'sales', 'commercial'],
  ['\\b(?:sales|account executive|account manag\\w*|key account\\w*|territory|vertrieb\\w*|verkauf\\w*|verkaufer\\w*|ventes?|ventas|vendas|vendite|verkoop\\w*|commercial\\w*|comercial|kundenberater\\w*|aussendienst\\w*|innendienst\\w*|retail|store manager|vendedor[a]?|venditor[ei]|vendeu(?:r|se))\\b', 'sales'],
  ['\\b(?:social media|community)\\b', 'marketing', 'social_media'],
  ['\\b(?:marketing\\w*|brand\\w*|seo|sem|sea|content|campaign\\w*|e ?commerce|ecommerce|mercadeo|mercadotecnia|werbung|publicit\\w*|advertis\\w*|events?|demand|market)\\b', 'marketing'],
  ['\\b(?:communication\\w*|kommunikation\\w*|comunicacion\\w*|comunicacao|comunicazion[ei]|communicatie|public relations|pr|press\\w*|prensa|imprensa|media|journalist\\w*|editor\\w*|redakt\\w*|redact\\w*|copywrit\\w*|writer|spokes\\w*)\\b', 'media_and_communication'],
  ['\\b(?:health\\w*|nurse|nursing|physician|doctor|medical|medic\\w*|clinic\\w*|pharmac\\w*|therapist|physiotherap\\w*|dentist|surgeon|krankenpfleg\\w*|pflegefach\\w*|krankenschwester|arzt|arztin|infirmi\\w*|medecin|enfermer[oa]|medico|verpleegkundige|infermier[ea]|caregiver|psycholog\\w*|paramedic)\\b', 'healthcare_services'],
  ['\\b(?:operations?|operating|operativ\\w*|operacion\\w*|operacoes|operazioni|logisti\\w*|supply chain|production|produktion\\w*|produccion|producao|produzione|productie|manufactur\\w*|fertigung\\w*|facilit\\w*|fleet|warehouse|lager\\w*|betrieb\\w*|plant|werks?leit\\w*|bedrijfsvoering)\\b', 'operations'],
  ['\\b(?:products?|produkt\\w*|produit|producto|produto|prodotto|product owner)\\b', 'product_management'],
  ['\\b(?:project\\w*|projekt\\w*|projet\\w*|proyecto\\w*|projeto\\w*|progett\\w*|program|programme|pmo|scrum master|agile coach|delivery manag\\w*)\\b', 'program_and_project_management'],
  ['\\b(?:research\\w*|scientist\\w*|science|forsch\\w*|wissenschaft\\w*|recherche|investigac\\w*|investigador[a]?|pesquis\\w*|ricerca|ricercator[ei]|onderzoek\\w*|laborator\\w*)\\b', 'research'],
  ['\\b(?:consult\\w*|berater\\w*|beratung|conseil\\w*|consultor[a]?|consulente|adviseur|advisor|adviser|advisory|advies)\\b', 'consulting'],
  ['\\b(?:engineer\\w*|ingenieu?r\\w*|ingeniero|engenheir[oa]|ingegner[ei]|technical|technolog\\w*|techni\\w*|tecnolog\\w*|architect\\w*|hardware|mechanical|electrical|elektr\\w*|konstrukt\\w*|development)\\b', 'engineering'],
  ['\\b(?:assistant|assistent\\w*|asistente|assistente)\\b(?! (?:vice|director|manager|head|professor|general))|\\b(?:administrat\\w*|admin|clerk|office|sachbearbeit\\w*|verwaltung\\w*)\\b', 'administrative'],
];

/**
 * Fallback functions, used only when no part of the title has a function from the table
 * above: "CTO / Co-founder" is engineering, "Founder" alone is general_management
 * (§2.8 fixtures: Owner and Co-Founder & CEO → general_management), while freelancers
 * and the self-employed are entrepreneurship (LinkedIn's function for them).
 */
export const FALLBACK_FUNCTION_RULES: ReadonlyArray<readonly [string, JobFunction]> = [
  // A partner with no practice named runs the firm with the other partners (§6.2 general_management).
  [`\\b(?:${OWNER}|${FOUNDER}|(?:managing |senior |equity )?partner(?:in)?)\\b`, 'general_management'],
  [`\\b(?:${SELF_EMPLOYED}|freelanc\\w*|freiberuf\\w*|libero professionista|autonomo)\\b`, 'entrepreneurship'],
];

/**
 * Language markers, tested in this order; the first language with a marker wins, else
 * `en` (§2.5). Words shared by two languages sit with the one listed first that uses
 * them most (Directeur: fr unless a Dutch marker is present; Gerente: es unless pt).
 */
export const LANGUAGE_MARKERS: ReadonlyArray<readonly [string, TitleLanguage]> = [
  ['\\b(?:diretor[a]?|geral|estagiari[oa]|vendas|aposentad[oa]|desempregad[oa]|engenheir[oa]|desenvolvedor[a]?|advogad[oa]|comunicacao|gestao|coordenador[a]?|atendimento|imobiliari[oa]|procurando|procura|qualidade|informacao|financas|operacoes|producao|recrutador[a]?|estudante|dono|dona)\\b', 'pt'],
  ['\\b(?:amministratore|delegato|direttore|direttrice|responsabile|titolare|stagista|tirocinante|acquisti|vendite|pensionat[oa]|pensione|disoccupat[oa]|fondatore|ingegner[ei]|sviluppatore|commerciale|capo|studente|risorse|ricerca|qualita|avvocat[oa]|impiegat[oa]|consulente|cerco|cerca|della|dell|di)\\b', 'it'],
  ['\\b(?:hoofd|algemeen|eigenaar|oprichter|medeoprichter|verkoop|inkoop|inkoper|gepensioneerd|werkzoekend\\w*|werkloos|medewerker|stagiair|zelfstandig\\w*|zzp\\w*|adviseur|bedrijfsleider|leidinggevende|teamleider|vennoot|bestuurder|klantenservice|ontwikkelaar|verpleegkundige|boekhouder|communicatie|kwaliteit|onderzoek\\w*|vastgoed|makelaar)\\b', 'nl'],
  ['\\b(?:directeur|directrice|pdg|responsable|stagiaire|chargee?|chef|ventes|achats|ressources|fondat(?:eur|rice)|cofondat\\w*|associee?|gerant[e]?|etudiant[e]?|retraite[e]?|demandeu(?:r|se)|ingenieur|developpeu(?:r|se)|comptable|juriste|avocat|proprietaire|independant[e]?|informatique|du|des|et|d)\\b', 'fr'],
  ['\\b(?:gerente|jefe|jefa|directora|ventas|compras|recursos|becari[oa]|fundador[a]?|cofundador[a]?|propietari[oa]|estudiante|jubilad[oa]|desemplead[oa]|ingeniero|desarrollador[a]?|contador[a]?|abogad[oa]|asistente|auxiliar|comercial|socio|presidente|consejer[oa]|encargad[oa]|coordinador[a]?|mercadeo|calidad|finanzas|operaciones|produccion|autonom[oa]|empleo|trabajo|y|de)\\b', 'es'],
  ['leit(?:er|erin|ung)\\b|buchhalt|entwickler|\\b(?:gesch\\w{1,2}ftsf\\w*|inhaber\\w*|unternehmensinhaber\\w*|vorstand\\w*|vorsitzend\\w*|prokurist\\w*|werkstudent\\w*|praktikant\\w*|vertrieb\\w*|einkauf\\w*|personal(?:leit\\w*|referent\\w*|abteilung|wesen)|mitarbeiter\\w*|sachbearbeiter\\w*|berater\\w*|und|bei|der|fur|selbst\\w{0,3}ndig\\w*|grunder\\w*|mitgrunder\\w*|rentner\\w*|arbeits\\w*|erwerbslos\\w*|abteilung\\w*|verkauf\\w*|kaufm\\w*|referent\\w*|studentin|studierend\\w*|managerin|direktor\\w*|ruhestand|lehrer\\w*|arzt\\w*|steuer\\w*|kundenservice|unternehmer\\w*|teilhaber\\w*|freiberuf\\w*)\\b', 'de'],
];

/** Exact placeholders after lower-casing and removing punctuation (§2.4, HumanMint list plus ours). */
export const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'unknown', 'null', 'undefined', 'nan', 'nil', 'tbd', 'tba', 'na', 'none', 'test', 'tester', 'testing', 'demo', 'sample',
  'placeholder', 'temp', 'user', 'guest', 'example', 'candidate', 'x', 'xx', 'xxx', 'asdf', 'asd', 'qwer', 'qwe', 'zxcv', 'qwerty', 'abc', 'xyz', 'aaa',
  'me', 'myself', 'self', 'nobody', 'no', 'nope', 'not applicable', 'private', 'secret', 'whatever', 'job', 'title',
  'my title', 'your title', 'job title', 'lorem ipsum', 'foo', 'bar', 'foobar', 'blah', 'other', 'n', 'nothing',
]);

/**
 * A department named on its own ("Sales", "Einkauf", "Ressources humaines") says where
 * the person works, not at what level: the function is known, the seniority is not.
 * Matched against the whole folded title, before abbreviations are expanded.
 */
export const DEPARTMENT_ONLY =
  '^(?:sales|marketing|it|ict|hr|finance|accounting|legal|operations|ops|procurement|purchasing|engineering|research|customer (?:support|service|success)|support|human resources|information technology|administration|' +
  'vertrieb|verkauf|einkauf|buchhaltung|controlling|finanzen|personal|personalwesen|recht|rechtsabteilung|produktion|' +
  'ventes|achats|comptabilite|juridique|ressources humaines|informatique|' +
  'ventas|compras|contabilidad|finanzas|recursos humanos|informatica|' +
  'vendas|financas|contabilidade|juridico|' +
  'verkoop|inkoop|financien|boekhouding|personeelszaken|' +
  'vendite|acquisti|amministrazione|contabilita|risorse umane)$';
