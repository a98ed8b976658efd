"""Everyday words of other languages, glossed in English, for notes that mix languages.

People who keep their notes in English still write the words of their country's paperwork in
its language ("Paszport: EL5550182", "Miete: 780 €", "taryfa G11", "Kita Gruppe", "tandläkare").
A question asked in English ("What's my passport number?") shares no word with such a line, so
neither the keyword search nor the reader's coverage could find it. This list maps the beginnings
of those words (diacritics folded, as the full-text index folds them) in German, Dutch, Swedish,
Danish, Norwegian, Polish, Czech, French, Spanish, Italian and Portuguese to the English words
they mean. It is a list of ordinary words, not of anything in a user's notes: household
admin, family, health, money, home, car, school, time.

Prefixes are at least four letters and chosen not to start common English words, so an English
line never gains a gloss it does not mean.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# English word(s) -> foreign word beginnings (folded: no diacritics, lower case).
_GLOSSES: dict[str, tuple[str, ...]] = {
    "passport": ("paszport", "reisepass", "paspoort", "passeport", "pasaporte", "passaporto", "passaporte", "cestovni pas"),
    "identity card id": ("personalausweis", "ausweis", "dowod osobist", "identiteitskaart", "legitimation", "carte d'identite",
                         "documento de identidad", "carta d'identita", "carteira de identidade", "obcansk"),
    "driving licence": ("fuhrerschein", "prawo jazdy", "rijbewijs", "korkort", "permis de conduire", "carnet de conducir",
                        "patente di guida", "carta de conducao", "ridicsk", "kortkort"),
    "tax": ("steuer", "podatk", "podatek", "belasting", "skatt", "impot", "impuesto", "imposta", "dan z", "urzad skarbow", "finanzamt"),
    "tax office": ("urzad skarbow", "finanzamt", "belastingdienst", "skatteverket"),
    # "renta" is the rent in Latin America (in Spain it is income: "la renta" of a tax return).
    "rent": ("miete", "kaltmiete", "warmmiete", "czynsz", "huur", "hyra", "husleje", "loyer", "alquiler", "affitto", "aluguel", "aluguer", "renda ", "rendas ", "renta ", "najem", "najm", "najemne",
             # Colombia and Chile: "arriendo" (the rent, the renting), "arrendatario" (the tenant)
             "arriendo", "arrienda"),
    # "Miete netto", "loon netto". The supermarket chain Netto glosses as "net" too; only a
    # question that says "net" can notice.
    "net": ("netto ",),
    "insurance": ("versicherung", "ubezpiecz", "verzekering", "forsakring", "forsikring", "seguro", "assicurazion", "pojisten"),
    "car": ("samoch", "fahrzeug", "bilen", "voiture", "coche", "macchina", "automovel", "auto ", "carro ", "carros "),
    "inspection": ("przeglad", "hauptuntersuchung", "keuring", "besiktning", "controle technique", "revisione"),
    "tyres tires": ("opony", "opona", "reifen", "banden", "dack", "pneus", "neumatic", "gomme", "pneumatico", "pneumatik", "prezuti", "prezout"),
    "oil": ("olej", "motorol", "olie", "huile", "aceite", "olio", "oleo"),
    "parking space": ("miejsce postojowe", "parkplatz", "stellplatz", "parkeerplaats", "parkeringsplats", "place de parking",
                      "plaza de aparcamiento", "posto auto", "vaga de garagem"),
    "garage": ("garaz", "tiefgarage", "garagem", "garaje"),
    "electricity": ("strom", "prad ", "elektryczn", "stroom", "elektricit", "electricit", "elettricit", "eletricidade", "elektrina"),
    "tariff": ("taryf", "tarif", "tarief", "tariffa", "tarifa"),
    "meter": ("licznik", "zahler", "meterstand", "compteur", "contador", "contatore"),
    "gas": ("erdgas",),
    "water": ("wasser", "woda", "water", "vatten", "l'eau", "agua", "acqua"),
    "heating": ("heizung", "ogrzewan", "verwarming", "uppvarmning", "chauffage", "calefaccion", "riscaldamento", "aquecimento"),
    "bill invoice": ("rechnung", "faktur", "rachunek", "factuur", "factura", "fattura", "fatura"),
    "account": ("konto", "rekening", "compte", "cuenta", "conto", "rachunku"),
    "bank": ("banku", "banco", "banque", "banken"),
    "salary pay": ("gehalt", "lohn", "wynagrodz", "pensja", "salaris", "salaire", "salario", "stipendio", "vyplat", "mzda", "mzdy",
                   "sueldo"),
    "mortgage loan": ("kredyt hipot", "hypothek", "baufinanzierung", "hypotheek", "bolan", "hypotheque", "hipoteca", "mutuo", "kredyt"),
    "instalment payment": ("rata ", "raty", "ratenzahlung", "termijn", "cuota", "mensualite", "prestacao"),
    "doctor": ("arzt", "arztin", "lekarz", "huisarts", "lakare", "medecin", "medico", "lekar"),
    "dentist dental": ("zahnarzt", "dentyst", "stomatolog", "tandarts", "tandlakare", "tandvard", "tandlaege", "tannlege", "dentiste", "dentista", "zubar"),
    "medicine tablet": ("medikament", "tablett", "lekarstw", "leki ", "medicijn", "lakemedel", "medicament",
                        "farmaco", "remedio", "pastill", "comprim"),
    "heart": ("herz", "serce", "serca", "hart ", "hjarta", "coeur", "corazon", "cuore", "coracao"),
    "blood pressure": ("blutdruck", "cisnieni", "bloeddruk", "blodtryck", "tension arterielle", "presion arterial", "pressione"),
    "allergy": ("allergi", "alergi", "allergie"),
    "birthday": ("geburtstag", "urodzin", "verjaardag", "fodelsedag", "fodselsdag", "anniversaire", "cumpleanos", "compleanno", "aniversario",
                 "narozenin"),
    "name day": ("imienin", "namenstag", "namnsdag", "onomastico", "svatek"),
    "wedding": ("hochzeit", "slub", "wesel", "bruiloft", "brollop", "mariage", "boda", "matrimonio", "casamento"),
    "grandmother grandma": ("babci", "babcia", "oma ", "grossmutter", "farmor", "mormor", "grand-mere", "abuela", "nonna", "avo ", "babick", "babicc", "babick"),
    "grandfather grandpa": ("dziadek", "dziadk", "opa ", "grossvater", "farfar", "morfar", "grand-pere", "abuelo", "nonno", "dedeck", "deda "),
    "mother mum mom": ("mutter", "mama ", "matka", "moeder", "mamma", "madre", "mae ", "mamk", "mamin", "matk"),
    "father dad": ("vater", "papa ", "ojciec", "taty", "vader", "pappa", "pere ", "padre", "pai ", "tatk", "tatin", "tata ", "otec"),
    "brother": ("bruder", "brata", "broer", "bror ", "frere", "hermano", "fratello", "irmao", "brach", "bratr"),
    "sister": ("schwester", "siostr", "zuster", "syster", "soeur", "hermana", "sorella", "irma ", "segr", "sestr"),
    "son": ("sohn", "syna", "zoon", "sonen", "fils ", "hijo", "figlio", "filho"),
    "daughter": ("tochter", "corka", "corki", "dochter", "dotter", "fille ", "hija", "figlia", "filha", "dcer"),
    "wife": ("ehefrau", "zona ", "zony", "echtgenote", "hustru", "epouse", "esposa", "moglie", "manzelk"),
    "husband": ("ehemann", "maz ", "meza", "echtgenoot", "epoux", "esposo", "marito", "marido", "manzel "),
    "neighbour neighbor": ("nachbar", "sasiad", "buurman", "buurvrouw", "granne", "voisin", "vecino", "vicino", "vizinho"),
    "kindergarten nursery": ("kita", "kindergarten", "przedszkol", "kinderdagverblijf", "creche", "forskola", "guarderia", "asilo nido", "scuola materna", "skolk", "materska skol"),
    "class": ("trida ", "tridy", "tride ", "klasse", "klasa ", "klasy"),
    "school": ("schule", "szkol", "szkola", "school", "skola", "ecole", "escuela", "scuola", "escola", "colegio", "liceo", "lycee"),
    "teacher": ("lehrer", "erzieher", "nauczyciel", "wychowaw", "leraar", "larare", "professeur", "maestr", "profesor", "insegnante", "ucitel",
                "enseignant", "institutri", "instituteur", "maitresse", "professora", "pedagog",
                "juf ", "juffrouw", "klastitularis"),
    "food meals": ("stawka zywieniow", "essensgeld", "verpflegung", "zywien", "maaltijd", "repas", "comida", "pasti"),
    "day daily": ("dzien", "dziennie", "taglich", "dagelijks", "dagligen", "par jour", "al dia", "al giorno"),
    "month monthly": ("miesiec", "miesiecz", "mesicn", "monatlich", "maandelijks", "manad", "mensuel", "mensual", "mensile"),
    "year yearly": ("rocznie", "rocne", "jahrlich", "jaarlijks", "arlig", "annuel", "anual", "annuale"),
    "week weekly": ("tydzien", "tygodni", "wochentlich", "wekelijks", "vecka", "hebdomadaire", "semanal", "settimanal"),
    "was previously": ("bylo", "byla", "byl ", "vorher", "fruher", "voorheen", "tidigare", "auparavant", "antes", "prima era"),
    "new": ("neue", "nowy", "nowa", "nowe", "nieuwe", "nya ", "nouveau", "nouvelle", "nuevo", "nueva", "nuovo", "nuova"),
    "key": ("schlussel", "klucz", "sleutel", "nyckel", "cle ", "llave", "chiave", "chave"),
    "code password": ("haslo", "kennwort", "passwort", "wachtwoord", "losenord", "mot de passe", "contrasena", "parola d'ordine", "senha",
                      "codigo", "codice"),
    "phone": ("telefon", "telefoon", "mobiel", "mobil", "telephone", "telefono", "telemovel"),
    "address": ("adres", "anschrift", "adresse", "adress", "direccion", "indirizzo", "endereco"),
    "mechanic": ("mechanik", "werkstatt", "monteur", "garagist", "verkstad", "mecanicien", "mecanico", "meccanico", "warsztat"),
    "administrator manager": ("zarzadca", "hausverwaltung", "verwalter", "beheerder", "forvaltare", "syndic ", "administrador", "amministratore"),
    "building owners association": ("wspolnot", "eigentumergemeinschaft", "vereniging van eigenaren", "bostadsrattsforening",
                                    "copropriete", "comunidad de propietarios", "condominio"),
    "internet": ("internet", "glasfaser", "swiatlowod"),
    "pool swimming": ("basen", "schwimmbad", "zwembad", "simhall", "piscine", "piscina"),
    "lessons course": ("zajecia", "unterricht", "kurs ", "les ", "lektion", "cours ", "clase", "lezion", "aula"),
    "vaccination": ("szczepien", "impfung", "vaccinatie", "vaccination", "vacunacion", "vaccinazion", "vacinacao", "ockovani"),
    "gift present": ("prezent", "geschenk", "cadeau", "regalo", "presente"),
    "shopping groceries": ("zakupy", "einkauf", "boodschappen", "inkop", "compras", "spesa"),
    "bin rubbish trash": ("smieci", "afval", "sopor", "poubelle", "basura", "spazzatura", "lixo"),
    "cellar storage basement": ("piwnic", "komorka lokatorsk", "kelder", "kallare", "trastero", "keller", "sotano", "porao", "subsolo"),
    "compartment": ("abteil", "przedzial", "compartiment", "compartimento", "scomparto"),
    "bin rubbish trash waste": ("mull ", "abfall", "restmull", "biomull", "mulltonne", "biotonne", "odpad", "residuos", "rifiuti", "dechets"),
    "born birth": ("geboren", "urodzon", "urodzil", "narozen", "nascid", "nascimento", "nacid", "nacimiento", "naissance", "nascita"),
    "refund": ("erstattung", "ruckerstattung", "zwrot", "teruggave", "aterbetalning", "remboursement", "reembolso", "rimborso", "restituicao"),
    "deposit": ("kaution", "kaucj", "borgsom", "waarborgsom", "deposition", "fianza", "caucao", "deposito cauzionale", "kauc"),
    "pediatrician paediatrician": ("kinderarzt", "kinderarts", "pediatr", "barnlakare", "pediatre", "pediatra"),
    "boss manager lead": ("chefin", "vorgesetzt", "teamleit", "kierownik", "szef ", "leidinggevend", "jefe ", "gerente", "chefe ", "gestora"),
    "plate registration": ("kennzeichen", "tablica rejestr", "rejestracj", "kenteken", "registreringsnummer", "immatriculation",
                           "matricula", "targa ", "placa "),
    "vin chassis": ("fahrgestellnummer", "fahrzeug-ident", "fahrzeugident", "chassi", "chassisnummer", "numero de bastidor", "telaio"),
    "legal protection": ("rechtsschutz", "ochrona prawna", "rechtsbijstand", "rattsskydd", "protection juridique", "defensa juridica",
                         "tutela legale", "protecao juridica"),
    "liability": ("haftpflicht", "aansprakelijk", "ansvarsforsakring", "responsabilite civile", "responsabilidad civil",
                  "responsabilita civile", "responsabilidade civil"),
    "household contents": ("hausrat", "inboedel", "hemforsakring", "multirisque habitation", "contenuto casa", "domacnost"),
    "due": ("fallig", "vence ", "vencimento", "vencimiento", "termin platnosci", "vervaldatum", "forfallodag", "echeance", "scadenza"),
    "valid expiry expires": ("gultig", "ablaufdatum", "wazny", "wazna", "geldig", "giltig", "gyldig", "valable", "validade", "validez", "valido "),
    "voter electoral election": ("wahlbe", "wahllokal", "wahlkreis", "wybor", "verkiezing", "electeur", "eleitor", "elettor", "elector"),
    "babysitter nanny": ("babysitterin", "niania", "opiekunk", "oppas", "barnvakt", "nounou", "canguro"),
    "caretaker janitor superintendent": ("hausmeister", "dozorc", "conciergerie", "conserje", "portiere", "zelador", "porteiro",
                                         "vicevaert", "fastighetsskot"),
    "room rooms": ("zimmer", "pokoj", "pokoi", "habitacion", "slaapkamer", "chambre"),
    "flat apartment": ("byt ", "bytu", "bytem", "wohnung", "mieszkan", "lagenhet", "lejlighed", "appartamento", "apartamento",
                       "appartement"),
    "contract": ("vertrag", "umowa", "umowy", "contrat", "contrato", "contratto", "smlouv", "avtal", "kontrakt"),
    "brother-in-law": ("svagr ", "schwager ", "szwagier", "zwager", "svoger", "beau-frere", "cunado", "cognato", "cunhado"),
    "sister-in-law": ("svagrov", "schwagerin", "szwagierk", "schoonzus", "svagerska", "belle-soeur", "cunada", "cognata", "cunhada"),
    "boyfriend partner": ("pritel ", "pritele"),
    "girlfriend partner": ("pritelkyn", "freundin"),
    "gp doctor general practitioner": ("prakticka lekar", "prakticky lekar", "hausarzt", "lekarz rodzinn", "medecin traitant",
                                       "medico di base", "medico de familia", "allmanlakare"),
    "landlord landlady": ("vermieter", "wynajmujac", "verhuurder", "hyresvard", "bailleur", "arrendador", "casero", "locatore", "locador", "senhorio", "pronajimatel"),
    "health insurance card": ("krankenkasse", "krankenversicherung", "versichertenkarte", "gesundheitskarte", "zorgverzekering",
                              "mutuelle", "carte vitale", "plano de saude", "carteirinha", "tessera sanitaria", "tarjeta sanitaria"),
    "card": ("karte", "karta", "kaart", "carte ", "tarjeta", "cartao"),
    "appointment": ("termin ", "termine", "wizyt", "afspraak", "rendez-vous", "appuntamento", "consulta"),
    "change": ("wechsel", "wymian", "wissel", "troca", "cambio"),
    "group": ("gruppe", "grupa", "grupy", "groep", "grupp", "groupe", "grupo", "gruppo"),
    "notice period": ("kundigungsfrist", "okres wypowiedzenia", "opzegtermijn", "uppsagningstid", "preavis", "preaviso", "aviso previo"),
    "advance payment": ("vorauszahlung", "abschlag", "zaliczk", "voorschot", "acompte", "anticipo", "adiantamento", "zaloh"),
    "service charges utilities": ("nebenkosten", "oplaty eksploatac", "servicekosten", "charges locatives", "spese condominiali"),
    "customer number": ("kundennummer", "numer klienta", "klantnummer", "kundnummer", "numero client", "numero de cliente",
                        "codigo do cliente", "codice cliente"),
    "policy number": ("vertragsnummer", "versicherungsschein", "numer polisy", "polisnummer", "apolice", "poliza", "polizza"),
    "cost price fee": ("kosten", "koszt", "kostnad", "cout ", "coste", "costo", "custo", "preis", "cena ", "prijs", "prix", "precio",
                       "prezzo", "preco", "gebuhr", "avgift", "frais "),
    "bike bicycle": ("fahrrad", "rower", "fiets", "cykel", "sykkel", "bicicl", "bicyclette", "velo "),
    "monday": ("montag", "poniedzial", "maandag", "mandag", "lundi", "lunes", "lunedi", "segunda-f", "pondeli"),
    "tuesday": ("dienstag", "wtorek", "wtork", "dinsdag", "tisdag", "tirsdag", "mardi", "martes", "martedi", "terca-f", "utery"),
    "wednesday": ("mittwoch", "sroda", "srody", "woensdag", "onsdag", "mercredi", "miercoles", "mercoledi", "quarta-f", "streda"),
    "thursday": ("donnerstag", "czwartek", "czwartk", "donderdag", "torsdag", "jeudi", "jueves", "giovedi", "quinta-f", "ctvrtek"),
    "friday": ("freitag", "piatek", "piatk", "vrijdag", "fredag", "vendredi", "viernes", "venerdi", "sexta-f"),
    "saturday": ("samstag", "sonnabend", "sobota", "soboty", "zaterdag", "lordag", "samedi", "sabado", "sabato"),
    "sunday": ("sonntag", "niedziel", "zondag", "sondag", "dimanche", "domingo", "domenica", "nedele"),
}


# The same everyday words in Turkish, Finnish, Hungarian, Romanian, Indonesian and Malay, Swahili
# and Tagalog, written once for all of them (not per note folder), folded the same way. Turkish
# "ı" has no mark to drop and stays. Short words that are English words or names ("guru", "lola",
# "kira", "dada") are left out: an English line must not gain a gloss it does not mean.
_MORE_GLOSSES: dict[str, tuple[str, ...]] = {
    "passport": ("pasaport", "passi ", "utlevel", "paspor", "pasipoti", "pasaporte"),
    "identity card id": ("kimlik", "henkilokortti", "szemelyi", "buletin", "kitambulisho"),
    "driving licence": ("ehliyet", "ajokortti", "jogositvany", "permis de conducere"),
    "tax": ("vergi", "verot", "verokortti", "adoszam", "impozit", "pajak", "cukai"),
    "rent": ("kiras", "vuokra", "alberlet", "berleti", "chirie", "sewa "),
    "insurance": ("sigorta", "vakuutu", "biztositas", "asigurar", "asuransi", "insurans", "bima "),
    "car": ("araba", "masina", "gari "),
    "inspection": ("muayene", "katsastu", "muszaki vizsga", "inspectie tehnica"),
    "tyres tires": ("lastik", "renkaat", "rengas", "anvelope", "cauciucuri"),
    "electricity": ("elektrik", "sahko", "villany", "curent electric", "energie electrica", "listrik", "umeme", "kuryente"),
    "gas": ("dogalgaz", "maakaasu"),
    "water": ("vesi ", "maji ", "tubig"),
    "heating": ("lammity", "kalorifer", "futes", "incalzire"),
    "bill invoice": ("lasku", "szamla", "tagihan", "bili "),
    "account": ("hesap", "hesab", "kayttotili", "tilinumero", "bankszamla"),
    "bank": ("pankki",),
    "salary pay": ("maas ", "maasi", "palkka", "fizetes", "salariu", "gaji ", "mshahara", "sahod", "sweldo"),
    "mortgage loan": ("kredi ", "krediy", "laina", "asuntolaina", "hitel", "imprumut", "pinjaman", "mkopo"),
    "doctor": ("doktor", "hekim", "laakari", "orvos", "dokter", "daktari"),
    "dentist dental": ("dis hekim", "disci", "hammaslaakari", "fogorvos", "dokter gigi"),
    "pediatrician paediatrician": ("lastenlaakari", "gyermekorvos", "cocuk doktor"),
    "medicine tablet": ("ilac", "laake", "gyogyszer", "obat ", "dawa ", "gamot"),
    "birthday": ("dogum gun", "syntymapaiva", "synttar", "szuletesnap", "szulinap", "zi de nastere", "ziua de nastere",
                 "ulang tahun", "siku ya kuzaliwa", "kaarawan"),
    "born birth": ("dogdu", "syntynyt", "syntyi", "szuletett", "nascut", "lahir", "alizaliwa", "kuzaliwa"),
    "wedding": ("dugun", "haat ", "haiden", "eskuvo", "nunta", "pernikahan", "harusi"),
    "grandmother grandma": ("anneanne", "babaanne", "mummo", "mummi", "isoaiti", "nagymama", "nagyi", "bunica", "nenek"),
    "grandfather grandpa": ("dedem", "dede ", "isoisa", "ukki", "vaari", "nagypapa", "bunicul", "kakek"),
    "mother mum mom": ("annem", "annes", "aiti", "aidin", "anyam", "anyu", "anyuk", "mamei", "mamangu", "nanay", "inay"),
    "father dad": ("babam", "babas", "isan ", "isani", "apam", "apuk", "tatal", "ayah ", "bapak", "babangu", "tatay", "itay"),
    "brother": ("abim", "agabey", "erkek kardes", "veli ", "veljen", "veljeni", "batyam", "ocsem", "fratele", "fratel", "abang", "kakak laki",
                "adik laki", "kuya "),
    "sister": ("ablam", "abla ", "ablas", "kiz kardes", "sisko", "sisar", "noverem", "hugom", "sora mea", "sorei", "kakak perempuan",
               "adik perempuan"),
    "son": ("oglum", "ogul ", "poika", "pojan", "fiam ", "fiul ", "anak laki"),
    "daughter": ("kizim", "tytar", "tyttare", "lanyom", "fiica", "anak perempuan"),
    "wife": ("esim", "karım", "vaimo", "feleseg", "sotia", "sotie", "istri", "isteri", "mke ", "mkewe"),
    "husband": ("kocam", "aviomies", "ferjem", "ferj ", "sotul", "suami"),
    "partner spouse wife husband": ("puoliso", "avopuoliso", "asawa"),
    "brother-in-law": ("enişte", "eniste", "lanko", "sogor", "cumnat"),
    "sister-in-law": ("yenge", "baldız", "kaly ", "kalyn", "kalyni", "cumnata"),
    "nephew niece": ("yegen", "veljenpoika", "sisarenpoika", "unoka", "nepot", "keponakan"),
    "neighbour neighbor": ("komsu", "naapuri", "szomszed", "vecin", "tetangga", "jirani", "kapitbahay"),
    "kindergarten nursery": ("anaokul", "kres ", "paivakoti", "paivakod", "ovoda", "gradinita", "taman kanak"),
    "school": ("okul", "koulu", "iskola", "scoala", "sekolah", "shule", "paaralan"),
    "teacher": ("ogretmen", "opettaja", "tanar ", "tanito", "invatator", "mwalimu"),
    "key": ("anahtar", "avain", "kulcs", "cheie", "kunci", "ufunguo"),
    "code password": ("sifre", "salasana", "jelszo", "kata sandi"),
    "phone": ("puhelin", "puh ", "telepon", "simu "),
    "address": ("osoite", "lakcim", "alamat", "anwani", "tirahan"),
    "landlord landlady": ("ev sahib", "vuokranantaja", "foberlo", "proprietarul", "proprietara", "pemilik rumah", "mwenye nyumba"),
    "deposit": ("depozito", "takuuvuokra", "vakuusmaksu", "kaucio", "garantie", "uang jaminan"),
    "contract": ("sozlesme", "sopimus", "szerzodes", "kontrak "),
    "cost price fee": ("fiyat", "ucret", "tutar", "hinta", "hinnan", "koltseg", "pretul", "harga", "biaya", "bei ", "presyo"),
    "customer number": ("musteri no", "abone no", "asiakasnumero", "ugyfelszam", "nomor pelanggan"),
    "policy number": ("police no", "polisinumero", "polisnumero", "kotvenyszam"),
    "appointment": ("randevu", "ajanvaraus", "idopont", "programare", "janji temu"),
    "group": ("ryhma",),
    "flat apartment": ("daire", "asunto", "lakas ", "lakasunk", "apartament", "apartemen"),
    "building owners association": ("taloyhtio", "asunto oy", "site yonetim", "tarsashaz", "asociatia de proprietari"),
    "office": ("ofis ", "ofisi", "toimisto", "iroda", "birou", "kantor"),
    "vet veterinarian": ("veteriner", "elainlaakari", "allatorvos", "veterinar", "dokter hewan"),
    "microchip": ("mikrocip", "mikrochip", "mikroczip", "mikrosiru", "microcip"),
    "allergy allergic": ("alerji",),
    "vaccine vaccination": ("aşı ", "aşısı", "aşıları", "rokote"),
    "rabies": ("kuduz", "tollwut", "wscieklizn", "raivotau", "veszettseg", "hondsdolheid", "rabbia", "raiva "),
    "tag label": ("etiket",),
    "blood type": ("kan grubu", "veriryhma", "vercsoport", "grupa sanguina", "golongan darah"),
    "pool swimming": ("yuzme", "havuz", "uinti", "uimahalli", "uszas", "uszoda", "inot", "berenang", "kuogelea"),
    "monday": ("pazartesi", "maanantai", "hetfo", "senin", "jumatatu", "lunes"),
    "tuesday": ("salı", "tiistai", "kedd ", "selasa", "jumanne", "martes"),
    "wednesday": ("carsamba", "keskiviikko", "szerda", "miercuri", "rabu ", "jumatano", "miyerkules"),
    "thursday": ("persembe", "torstai", "csutortok", "kamis", "alhamisi", "huwebes"),
    "friday": ("cuma ", "cumas", "perjantai", "pentek", "vineri", "jumat", "ijumaa", "biyernes"),
    "saturday": ("cumartesi", "lauantai", "szombat", "sambata", "sabtu", "jumamosi", "sabado"),
    "sunday": ("pazar ", "pazari", "sunnuntai", "vasarnap", "duminica", "minggu", "jumapili", "linggo"),
}

# More household words in the Romance languages (Italian, Spanish, French, Portuguese) and a few
# in German, Dutch and Polish: the door and its intercom, locks, a race's bib, feast days, meals,
# in-laws and godparents, trades, the car's paperwork. Written as a list of ordinary words for all
# of them at once, English words and common names left out ("noel", "diner", "cadre", "primo").
_ROMANCE_MORE: dict[str, tuple[str, ...]] = {
    "door entrance": ("portone", "porta ", "porte ", "portail", "puerta", "portao", "haustur", "drzwi"),
    "intercom doorbell": ("citofono", "interphone", "portero automatico", "interfone", "gegensprechanlage", "domofon"),
    "lock padlock combination": ("lucchetto", "cadenas", "candado", "cadeado", "serratura", "serrure", "cerradura", "fechadura",
                                 "fahrradschloss", "klodk"),
    "chain": ("catena", "chaine ", "cadena "),
    "bib race number": ("pettorale", "dossard", "startnummer", "numer startowy"),
    "christmas": ("natale", "navidad", "weihnacht", "kerstmis", "boze narodzenie", "wigilia"),
    "easter": ("pasqua", "paques", "pascua", "pascoa", "ostern", "wielkanoc"),
    "lunch": ("pranzo", "dejeuner", "almuerzo", "almoco", "mittagessen", "obiad"),
    "boss manager lead": ("responsabile", "responsable ", "supervisore", "capo ufficio"),
    "size": ("taglia", "taille", "talla ", "tamanho", "rahmengrosse", "rozmiar"),
    "vin chassis frame": ("telaio", "rahmennummer"),
    "electricity": ("luce ",),
    "blood type": ("gruppo sanguigno", "groupe sanguin", "grupo sanguineo", "tipo de sangre", "blutgruppe", "grupa krwi",
                   "bloedgroep"),
    "plumber": ("idraulico", "plombier", "fontanero", "encanador", "canalizador", "klempner", "installateur", "hydraulik",
                "loodgieter"),
    "electrician": ("elettricista", "electricien", "electricista", "eletricista", "elektriker", "elektryk"),
    "valid expiry expires": ("scadenza", "scade ", "scaduto", "scadut", "expiration", "caducidad", "caduca ", "expira "),
    "godchild godson goddaughter": ("figlioccio", "figlioccia", "filleul", "ahijado", "ahijada", "afilhado", "afilhada",
                                    "patenkind", "chrzesniak", "chrzesnica"),
    "godfather godmother godparent": ("padrino", "madrina", "parrain", "marraine", "padrinho", "madrinha", "patenonkel",
                                      "patentante", "chrzestn"),
    "nephew niece grandchild": ("nipote", "nipoti", "neveu", "sobrino", "sobrina", "sobrinho", "sobrinha", "neffe", "nichte",
                                "bratanek", "bratanica", "siostrzen"),
    "cousin": ("cugino", "cugina", "cousine", "cugini"),
    "uncle": ("zio ", "tio ", "oncle", "onkel", "wujek", "wujka"),
    "aunt": ("zia ", "tia ", "tante ", "ciocia", "cioci"),
    "mother-in-law": ("suocera", "belle-mere", "suegra", "sogra ", "schwiegermutter", "tesciow", "schoonmoeder", "svarmor"),
    "father-in-law": ("suocero", "beau-pere", "suegro", "sogro ", "schwiegervater", "tesc ", "tescia", "schoonvader", "svarfar"),
    "fiance fiancee boyfriend girlfriend partner": ("fidanzat", "novio ", "novia ", "namorad", "verlobt", "narzeczon"),
    "caregiver carer": ("badante", "aide-soignant", "cuidador", "pflegerin", "pflegekraft", "opiekunka"),
    "hospital": ("ospedale", "hopital", "krankenhaus", "klinikum", "szpital", "ziekenhuis", "sjukhus"),
    "pharmacy chemist": ("farmacia", "pharmacie", "apotheke", "apteka", "apotheek", "apotek "),
    "vet veterinarian": ("veterinario", "veterinaire", "tierarzt", "tierarztin", "weterynarz", "dierenarts"),
    "work job": ("lavoro", "travail", "trabajo", "trabalho", "arbeit ", "arbeitgeber", "praca ", "pracy"),
    "office": ("ufficio", "oficina", "escritorio", "biuro"),
    "colleague": ("collega", "collegue", "colega", "kollege", "kollegin", "wspolpracown"),
    "employee number staff": ("matricola", "personalnummer", "numero de empleado", "numer pracownika"),
    "car tax road tax": ("bollo auto", "bollo ", "kfz-steuer", "impuesto de circulacion"),
    "driving licence": ("patente ",),
    "network wifi": ("rete ", "reseau", "netzwerk"),
    "mechanic workshop repair": ("officina", "ciclofficina", "taller ", "oficina mecanica", "reparatur", "naprawa"),
    "service servicing maintenance": ("tagliando", "manutenzione", "entretien", "mantenimiento", "manutencao", "wartung",
                                      "onderhoud", "serwis"),
    "cellar storage basement": ("cantina", "cantine"),
    "teeth tooth cleaning": ("pulizia denti", "denti ", "dientes", "dentes ", "detartrage", "zahnreinigung"),
    "glasses optician": ("occhiali", "lunettes", "gafas", "oculos", "brille ", "okulary", "ottico", "opticien", "optiker"),
    "prescription": ("ricetta", "ordonnance", "receta", "receita", "rezept", "recept"),
    "holiday vacation": ("vacanz", "vacances", "vacaciones", "urlaub", "wakacj", "vakantie"),
    "landlord landlady owner": ("proprietario", "padrone di casa", "proprietaire", "propietario", "eigentumer", "proprio "),
    "football soccer": ("calcio", "calcetto", "futbol", "futebol", "fussball", "pilka nozna", "voetbal"),
    "gym": ("palestra", "salle de sport", "gimnasio", "fitnessstudio", "silownia", "sportschool"),
    "subscription season ticket pass": ("abbonamento", "abonnement", "abono ", "assinatura", "bilet miesieczny"),
    "fine ticket": ("multa ", "amende", "strafzettel", "bussgeld", "mandat karny"),
    "toll": ("telepass", "peage", "peaje", "pedagio", "autobahnmaut"),
    "registration document logbook": ("libretto di circolazione", "carte grise", "permiso de circulacion", "fahrzeugschein",
                                      "dowod rejestracyjny", "kentekenbewijs"),
    "bike bicycle": ("bici ", "velo ", "bicicleta"),
    "tuition school fees": ("retta ", "frais de scolarite", "colegiatura", "mensalidade", "schulgeld", "czesne"),
    "canteen school meals": ("mensa ", "refectoire", "comedor escolar", "stolowka"),
    "payroll salary": ("nomina", "busta paga", "fiche de paie", "folha de pagamento", "gehaltsabrechnung"),
}
# Rioplatense (Argentine, Uruguayan) everyday words that Spain's Spanish above lacks: "depto",
# "laburo", "cumple 03/02", "nació el", "seño" (the kindergarten teacher), "pareja", "dueña",
# "contadora", "jefa", "hermano menor", "vence 11/2026", "prepaga", "jardín de infantes".
_RIOPLATENSE_MORE: dict[str, tuple[str, ...]] = {
    "birthday": ("cumple ",),
    "born birth": ("nacio ", "fecha de nac"),
    "flat apartment home": ("depto",),
    "work job workplace": ("laburo",),
    "trip travel": ("viaje",),
    "teacher": ("seno ",),
    "partner": ("pareja",),
    "landlord landlady owner": ("duena", "dueno "),
    "accountant": ("contadora", "contador publico"),
    "boss manager lead": ("jefa ",),
    "younger little brother": ("hermano menor",),
    "younger little sister": ("hermana menor",),
    "older big brother": ("hermano mayor",),
    "older big sister": ("hermana mayor",),
    "valid expiry expires expire": ("vence ", "vencio "),
    "health insurance": ("prepaga",),
    "kindergarten nursery": ("jardin de infantes",),
    "mobile phone": ("celular",),
    "deposit": ("sena ",),
}
# Everyday Spanish of the Americas that the tables above lack: "nos casamos el ...", "trabaja de
# electricista", "vive en Arraiján", "la camioneta", "el perro", "préstamo", "la mudanza".
_SPANISH_AMERICAS_MORE: dict[str, tuple[str, ...]] = {
    "married marriage wedding": ("nos casamos", "casados", "se casaron", "me case ", "casamiento"),
    "work job employer": ("trabaja ", "trabajamos", "chamba"),
    "parking": ("estacionamiento", "parqueo"),
    "gate": ("porton",),
    "mobile phone": ("cel ",),
    "live lives": ("vive ", "viven ", "vivimos", "vivo en"),
    "teacher": ("profe ", "profesor "),
    "truck pickup": ("camioneta",),
    "dog": ("perro", "perrita", "perrito"),
    "cat": ("gato ", "gata ", "gatito", "gatita"),
    "loan": ("prestamo",),
    "move moved moving": ("mudanza", "nos mudamos", "mudamos", "se mudo", "se mudaron"),
    "promotion promoted": ("ascenso", "me ascendieron"),
    "vaccine vaccination": ("vacuna",),
    "grandchild grandson granddaughter": ("nieto", "nieta "),
    "doctor": ("doctora",),
    "kindergarten": ("kinder",),
}


def _merge(into: dict[str, tuple[str, ...]], *tables: dict[str, tuple[str, ...]]) -> None:
    """Each table's words added to `into` under the same English key, in order, once each."""
    for table in tables:
        for english, words in table.items():
            into[english] = tuple(dict.fromkeys(into.get(english, ()) + words))


_merge(_GLOSSES, _RIOPLATENSE_MORE, _SPANISH_AMERICAS_MORE)
# Hungarian household words (folded). Hungarian adds its endings to the word ("lakcímkártya",
# "anyuval", "kaucióként"), so beginnings fit it well; English words that share a beginning are
# written as whole words ("apu ", "havi ") or left out ("mama", "papa", "hug", "nap").
_HUNGARIAN_MORE: dict[str, tuple[str, ...]] = {
    "passport": ("utlevel",),
    "identity card id": ("szemelyi igazolvany", "szemelyi ig", "okmanyazonosito"),
    "driving licence": ("vezetoi engedely", "jogositvany", "jogsi"),
    "tax number": ("adoazonosito", "adoszam"),
    "income tax": ("szja ",),
    "social security health insurance number": ("taj szam", "taj-szam", "tajszam"),
    "address": ("lakcim", "cim ", "cime "),
    "rent": ("alberleti dij", "berleti dij", "alberlet"),
    "deposit": ("kaucio", "letet"),
    "landlord landlady owner": ("foberlo",),
    "contract lease": ("szerzodes",),
    "flat apartment home": ("lakas ", "lakast", "lakasban", "lakasunk"),
    "accommodation stay": ("szallas",),
    "booking reservation": ("foglalas",),
    "code": ("kod ", "kodja"),
    "door entrance gate code": ("kapukod", "kapu "),
    "spare key": ("potkulcs",),
    "key": ("kulcs",),
    "bins rubbish collection": ("kuka ", "kukak", "szemetszallitas"),
    "neighbour neighbor": ("szomszed",),
    "utilities bills": ("rezsi",),
    "electricity": ("aram ", "villany"),
    "electricity meter": ("villanyora",),
    "meter": ("mero ", "merora", "meroallas"),
    "serial number": ("gyari szam",),
    "gas": ("gaz ",),
    "water": ("viz ",),
    "password": ("jelszo",),
    "network wifi": ("halozat",),
    "customer number account": ("ugyfelszam", "vevoazonosito", "felhasznalasi hely"),
    "insurance": ("biztositas", "kgfb", "casco"),
    "policy number": ("kotvenyszam",),
    "policy": ("kotveny",),
    "car": ("gepkocsi", "szemelyauto"),
    "inspection mot": ("muszaki vizsga", "muszaki", "vizsgapalya"),
    "registration plate": ("rendszam",),
    "vin chassis": ("alvazszam",),
    "tyres tires": ("gumi ", "teli gumi", "nyari gumi"),
    "oil change": ("olajcsere",),
    "service garage mechanic": ("szerviz", "autoszerviz"),
    "brake pads": ("fekbetet",),
    "motorway vignette": ("matrica", "autopalya"),
    "bank account": ("bankszamla", "szamlaszam", "folyoszamla"),
    "account": ("szamla",),
    "card": ("kartya",),
    "transfer": ("utalas", "atutal"),
    "salary pay": ("fizetes",),
    "paid pay": ("fizetve", "fizett"),
    "fee price": ("dij ", "dija"),
    "monthly": ("havi ", "havonta"),
    "month": ("honap",),
    "yearly annual": ("eves ", "evente"),
    "mother mom mum": ("anyu", "anyam", "edesany", "anyja"),
    "father dad": ("apu ", "apuka", "apum", "edesap", "apja "),
    "brother": ("ocsem", "occse", "ocse ", "batyam", "batyja", "fiver"),
    "sister": ("hugom", "huga ", "noverem", "novere", "nover "),
    "sister-in-law": ("sogornom", "sogorno"),
    "brother-in-law": ("sogor ", "sogorom"),
    "partner": ("parom", "parja", "elettars"),
    "husband": ("ferjem", "ferj "),
    "wife": ("felesegem", "feleseg"),
    "fiance fiancee bride": ("menyasszony",),
    "fiance groom": ("volegeny",),
    "goddaughter godchild": ("keresztlany",),
    "godson godchild": ("keresztfi",),
    "godmother godparent": ("keresztanya", "keresztanyu"),
    "godfather godparent": ("keresztapa",),
    "grandmother granny": ("nagymama", "nagyanya"),
    "grandfather grandpa": ("nagypapa", "nagyapa"),
    "aunt": ("nagyneni",),
    "uncle": ("nagybacsi",),
    "daughter": ("lanyom", "lanya "),
    "son": ("fiam ", "fia "),
    "child children kids": ("gyerek",),
    "wedding": ("eskuvo",),
    "ceremony": ("szertartas",),
    "venue place location": ("helyszin",),
    "present gift": ("ajandek",),
    "dinner": ("vacsora",),
    "birthday": ("szulinap", "szuletesnap"),
    "born birth": ("szuletett", "szuletesi", "szul. "),
    "name day": ("nevnap",),
    "christmas": ("karacsony",),
    "easter": ("husvet",),
    "holiday vacation": ("nyaralas", "szabadsag"),
    "dentist": ("fogorvos", "fogaszat"),
    "teeth tooth cleaning dental": ("fogko", "fogkotelenites"),
    "gp doctor family": ("haziorvos",),
    "doctor": ("orvos",),
    "appointment": ("idopont",),
    "hospital": ("korhaz",),
    "pharmacy chemist": ("gyogyszertar", "patika"),
    "blood type": ("vercsoport",),
    "work job": ("munka", "munkahely"),
    "job title position": ("munkakor", "beosztas"),
    "employee number staff": ("torzsszam",),
    "boss manager": ("fonok",),
    "colleague": ("kollega",),
    "gym": ("edzoterem", "konditerem"),
    "pass season ticket subscription": ("berlet ", "berletet", "berlete"),
    "half marathon": ("felmaraton",),
    "official": ("hivatalos",),
    "time": ("ido ", "idom", "ideje"),
    "result": ("eredmeny",),
    "valid expiry expires": ("ervenyes", "lejar"),
    "monday": ("hetfo",),
    "tuesday": ("kedd ", "kedden"),
    "wednesday": ("szerda", "szerdan"),
    "thursday": ("csutortok",),
}
# Norwegian and Danish household words (folded: "ø" is "o", "å" "a", "æ" "ae"). Short words that
# are English words or common names ("lege", "tur", "bod", "pass") are whole words or left out.
_NORDIC_MORE: dict[str, tuple[str, ...]] = {
    "born birth": ("fodt ", "fodd ", "fodested"),
    "salary pay": ("lonn ", "lonna", "lonnen", "lonning", "lonnsoppgjor", "manedslonn", "arslonn"),
    "annual yearly": ("arslonn", "arlig"),
    "blood type group": ("blodtype", "blodgruppe"),
    "employee staff number": ("ansattnummer", "ansattnr", "ansatt-nr", "medarbeidernummer"),
    "work job employer": ("jobb ", "jobben", "jobber ", "arbeidsgiver", "arbeidsplass"),
    "opening hours open opens": ("apningstid", "apner ", "apent "),
    "kindergarten nursery": ("barnehage", "bhg "),
    "school": ("skole", "skolen", "skolestart"),
    "household contents": ("innbo",),
    "excess deductible": ("egenandel",),
    "key": ("nokkel", "nokler", "nokkelen"),
    "key box lockbox": ("nokkelboks",),
    "cabin": ("hytte", "hytta"),
    "length long distance": ("lengde",),
    "there and back return round trip": ("tur/retur", "tur-retur"),
    "birthday": ("bursdag",),
    "meter": ("maler ", "maleren", "malernummer", "malepunkt"),
    "meter number": ("malernummer",),
    "email e-mail": ("e-post", "epost"),
    "sister": ("soster", "sosteren"),
    "sister-in-law": ("svigerinne",),
    "father-in-law": ("svigerfar",),
    "mother-in-law": ("svigermor",),
    "parents-in-law": ("svigerforeldre",),
    "younger little brother": ("lillebror",),
    "younger little sister": ("lillesoster",),
    "partner cohabitant": ("samboer",),
    "daughter": ("datter", "datteren"),
    "son": ("sonn ", "sonnen"),
    "wife": ("kone ",),
    "parents": ("foreldre",),
    "siblings": ("sosken",),
    "gp doctor general practitioner": ("fastlege",),
    "doctor": ("legen ", "legekontor", "legesenter", "legevakt"),
    "health centre clinic": ("helsestasjon",),
    "vaccine vaccination": ("vaksine",),
    "chair chairman board": ("styreleder", "styret ", "styrets"),
    "housing cooperative building owners association": ("borettslag", "sameie"),
    "joint account": ("felleskonto",),
    "savings account": ("sparekonto",),
    "current account": ("brukskonto",),
    "account number": ("kontonummer", "kontonr"),
    "car": ("bil ", "biler", "bilene"),
    "plate registration": ("reg.nr", "regnr", "skilt "),
    "tyres tires": ("dekk ", "dekkene", "vinterdekk", "sommerdekk", "dekkhotell"),
    "policy number": ("polise ", "polisenummer"),
    "customer number": ("kundenummer", "kundenr"),
    "tax return": ("skattemelding", "selvangivelse"),
    "tax card": ("skattekort",),
    "shoe size": ("skostorrelse", "skonummer"),
    "shoe shoes": ("sko ", "vintersko", "sommersko", "joggesko", "fjellsko"),
    "size": ("storrelse",),
    "clothes size": ("klesstorrelse",),
    "book": ("boka ", "boken ", "boker "),
    "lent lend borrowed": ("lante ", "lant ", "laner ", "lante ut", "lant ut"),
    "hike trip": ("turen", "fjelltur", "langtur", "fottur"),
    "teacher": ("pedagogisk leder", "laerer", "laereren", "kontaktlaerer"),
    "manager boss": ("leder ", "lederen", "sjef ", "sjefen"),
    "phone": ("tlf ", "tlf."),
    "flat apartment": ("leilighet", "leil."),
    "cellar storage basement": ("kjeller", "bod "),
    "month monthly": ("maned", "mnd "),
    "membership number": ("medlemsnummer", "medlemsnr"),
    # A health insurer's or a club's member as Spanish writes it: "CASMU, socio nº 884213".
    "member number": ("socio no ", "socia no ", "socio nro", "socia nro", "numero de socio", "nro de socio", "no de socio"),
    "passport number": ("passnummer",),
    "inspection": ("eu-kontroll", "periodisk kontroll"),
    "husband": ("ektemann",),
}
# Nordic words that are English words too ("pass", "far", "mor"): glossed only in a line that
# writes a letter English does not (æ, ø, å), as Vietnamese syllables are.
_NORDIC_ONLY: dict[str, str] = {"pass": "passport", "mor": "mother mum mom", "far": "father dad", "lege": "doctor",
                                "tur": "hike trip", "bok": "book", "kode": "code", "bil": "car", "hus": "house home"}
_NORDIC_LETTER = re.compile("[æøåÆØÅ]")
# ...or as a line's label: "Far: Bent Holm, 40 55 19 66" is a father's line in any language.
_KIN_LABEL = re.compile(r"\W*(?:mor|far)\s*:")
_LITHUANIAN_ONLY: dict[str, str] = {"mama": "mother mum mom", "kasko": "car insurance comprehensive"}
_LITHUANIAN_LETTER = re.compile("[ąęėįųūĄĘĖĮŲŪ]")
_LITHUANIAN_WORD = re.compile(r"(?<![\w'])(" + "|".join(_LITHUANIAN_ONLY) + r")(?![\w'])")
_NORDIC_WORD = re.compile(r"(?<![\w'])(" + "|".join(_NORDIC_ONLY) + r")(?![\w'])")
# More Indonesian household words (the few above are shared with Malay): family and in-laws,
# the house and its bills, the car's and the person's papers, school, work. A word of three
# letters is looked up with what follows it ("spp:"), as the lookup reads four characters. "mobil" (car) and
# "motor" (motorbike) are left out: "mobil" is a phone in the Nordic languages and "motor" English.
_INDONESIAN_MORE: dict[str, tuple[str, ...]] = {
    "mother-in-law in-laws": ("ibu mertua", "mama mertua"),
    "father-in-law in-laws": ("bapak mertua", "ayah mertua", "papa mertua"),
    "in-laws": ("mertua",),
    "brother-in-law sister-in-law in-laws": ("ipar ", "kakak ipar", "adik ipar"),
    "sibling brother sister younger": ("adik ", "adikku", "adikmu"),
    "sibling brother sister older": ("kakak ", "kakakku"),
    "child kid son daughter": ("anak ", "anakku"),
    "cousin": ("sepupu",),
    "uncle": ("paman",),
    "aunt": ("tante ", "bibi "),
    "class teacher homeroom": ("wali kelas",),
    "paediatrician pediatrician doctor": ("dokter anak", "spesialis anak"),
    "clinic": ("klinik", "faskes", "puskesmas"),
    "hospital": ("rumah sakit",),
    "midwife": ("bidan ",),
    "vaccination immunisation immunization": ("imunisasi", "vaksin"),
    "birth certificate": ("akta kelahiran", "akte kelahiran"),
    "family card": ("kartu keluarga", "no. kk", "nomor kk"),
    "identity card id": ("ktp ", "ktp:", "ktp)", "e-ktp"),
    "tax number id": ("npwp",),
    "driving licence license": ("sim a ", "sim c "),
    "vehicle registration": ("stnk", "bpkb"),
    "plate registration": ("plat ", "plat nomor", "nomor polisi", "nopol"),
    "motorbike motorcycle scooter": ("sepeda motor",),
    "birthday": ("ultah",),
    "phone mobile": ("nomor hp", "no hp", "no. hp", "ponsel", "handphone", "nomor telepon"),
    "employee staff": ("karyawan", "pegawai"),
    "boss manager": ("atasan",),
    "colleague": ("rekan kerja",),
    "building": ("gedung",),
    "floor": ("lantai",),
    "train": ("kereta", "naik ka "),
    "code": ("kode ",),
    "block": ("blok ",),
    "ticket": ("tiket",),
    "homecoming trip": ("mudik",),
    "swimming pool swim": ("renang",),
    "swimming lesson lessons": ("les renang",),
    "coach trainer instructor": ("pelatih",),
    "schedule": ("jadwal",),
    "school fees tuition": ("spp ", "spp:", "uang sekolah"),
    "fee dues contribution": ("iuran",),
    "water": ("pdam",),
    "customer": ("pelanggan",),
    "savings": ("tabungan",),
    "policy": ("polis ",),
    "premium": ("premi ",),
    "annual yearly": ("tahunan",),
    "monthly month": ("bulanan", "bulan ", "per bulan"),
    "due date": ("jatuh tempo",),
    "valid expiry expires": ("berlaku", "masa berlaku"),
    "house home": ("rumah ", "kontrakan"),
    "rent rented": ("kontrakan", "dikontrak"),
    "owner landlord landlady": ("pemilik",),
    "housekeeper helper maid": ("pembantu", "asisten rumah tangga"),
    "plumber": ("ledeng",),
    "handyman tradesman": ("tukang",),
    "service": ("servis",),
    "garage workshop mechanic": ("bengkel",),
    "oil": ("oli ",),
    "evening night": ("malam ",),
    "morning": ("pagi ",),
}
# Danish household words where they are not the Norwegian ones above (folded: "æ" is "ae", "ø"
# "o"): papers, family, the andelsbolig (housing cooperative) and its fees, the car, doctor and
# child care, work and pay. Three-letter words are listed with what follows them ("pas:", "lon:").
# "police" (policy) only with its "nr", "chef" (boss) only as a label or "chefen": both English words.
_DANISH_MORE: dict[str, tuple[str, ...]] = {
    "passport": ("pas:", "pasnummer", "pasnr"),
    "expiry expires valid": ("udlober", "udlobsdato", "gyldig til"),
    "driving licence license": ("korekort",),
    "partner boyfriend girlfriend": ("kaereste", "kaeresten"),
    "older big sister": ("storesoster",),
    "older big brother": ("storebror",),
    "friend": ("veninde", "studieveninde", "veninden", "vennen"),
    "grandmother grandma": ("mormor", "farmor", "bedstemor"),
    "grandfather grandpa": ("morfar", "farfar", "bedstefar"),
    "aunt": ("moster", "faster"),
    "cousin": ("faetter", "kusine"),
    "sister-in-law": ("svigerinde",),
    "grandchild": ("barnebarn",),
    "parents": ("foraeldre",),
    "parental fee childcare fee": ("foraeldrebetaling",),
    "kindergarten nursery daycare": ("bornehave", "bornehus", "vuggestue", "dagpleje"),
    "teacher educator carer": ("paedagog",),
    "group room class": ("stue:", "stue ", "stuen"),
    "swimming swim lessons": ("svomning", "svommehal", "svommeskole"),
    "health insurance card": ("sundhedskort",),
    "doctor": ("laege:", "laegen", "laegehus", "laegerne", "laegehuset"),
    "gp doctor general practitioner": ("egen laege",),
    "vet veterinarian": ("dyrlaege",),
    "medication medicine": ("medicin",),
    "morning": ("morgen",),
    "evening": ("aften",),
    "chair chairman": ("formand", "formanden"),
    "board": ("bestyrelse",),
    "housing cooperative building owners association": ("andelsbolig", "andelsforening", "boligforening"),
    "monthly housing fee rent": ("boligafgift",),
    "general meeting annual meeting": ("generalforsamling",),
    "cellar storage basement": ("kaelder", "kaelderrum", "pulterrum"),
    "laundry": ("vaskeri",),
    "neighbour neighbor": ("nabo ", "naboen"),
    "summer house cottage": ("sommerhus",),
    "rent": ("leje ", "lejen"),
    "plate registration number plate": ("nummerplade", "reg.nr.", "registreringsnummer"),
    "inspection": ("syn:", "syn ", "synet"),
    "car insurance": ("bilforsikring",),
    "household contents insurance": ("indbo",),
    "policy number": ("policenr", "policenummer"),
    "renewed renewal renew": ("fornyes", "fornyelse", "fornyet"),
    "garage workshop mechanic": ("vaerksted",),
    "lease leased leasing": ("leaset", "leasing"),
    "work job employer": ("arbejde", "arbejder", "arbejdsplads", "arbejdsgiver"),
    "work phone": ("arbejdstelefon", "arbejdsmobil"),
    "position job title": ("stilling",),
    "manager boss": ("chef:", "chefen", "leder:"),
    "salary pay": ("lon:", "lonnen", "lonseddel", "lonkonto"),
    "savings": ("opsparing", "opsparingskonto"),
    "trade union": ("fagforening",),
    "unemployment insurance fund": ("a-kasse",),
    "subscription": ("abonnement",),
    "heating": ("varme ",),
    "water": ("vand ",),
    "electricity": ("elregning", "strom "),
    "month monthly": ("kr./md", "kr/md", "om maneden"),
    "medication medicine": ("mikrogram", "tabletter"),
    "sold": ("solgt",),
    "bought": ("kobt ",),
    "clothes": ("toj ",),
}
# More Romanian household words (a few are above, with Turkish and Finnish): family and
# godparents, the flat's bills and its administrator, the car's papers (ITP, RCA, rovinietă), the
# kindergarten, doctors, the bank. Folded: "soț" is "sot", "întreținere" "intretinere". Words
# that are words of other languages too are written with what follows them ("sot" is English,
# "nasa" NASA, "sala" a room in Italian, "plata" money in Spanish, "lunar" English, "Tata" a
# company): "sot)", "nașul", "sala de sport", "plata factura" are kept whole. "CI" (the identity
# card) only with its "seria" or "nr" ("CI: Bump the version" in a manual), "cont" left out.
_ROMANIAN_MORE: dict[str, tuple[str, ...]] = {
    "husband": ("sot)", "sot,", "sot:", "sotul", "sotului"),
    "mother mum mom": ("mama ", "mama:", "mama,", "mamei", "mama lui", "mama ei"),
    "father dad": ("tata:", "tatal"),
    "mother-in-law in-laws": ("soacra", "soacrei", "soacr"),
    "father-in-law in-laws": ("socru ", "socrul", "socrului"),
    "godfather godparent": ("nasul", "nasului", "nasii", "nasilor"),
    "godmother godparent": ("nasa lui", "nasa ei", "nasa mea"),
    "godson godchild": ("finul", "finului", "fina lui"),
    "son boy": ("baiatul", "baiatului", "fiul nostru"),
    "kindergarten teacher teacher": ("educatoare", "educatoarea", "educatoarei"),
    "pediatrician paediatrician doctor": ("pediatru", "pediatra", "pediatrul", "pediatrului"),
    "family doctor gp doctor": ("medic de familie", "medicul de familie"),
    "doctor": ("medicul", "medic "),
    "clinic": ("clinica ", "clinicii"),
    "identity card id": ("ci: seria", "ci seria", "ci nr", "carte de identitate", "cartea de identitate", "buletinul"),
    "passport": ("pasaportul",),
    "address": ("adresa", "domiciliu"),
    "service charges maintenance fee": ("intretinere", "intretinerea", "intretinerii"),
    "building owners association": ("asociatia de proprietari", "asociatiei de proprietari"),
    "block building": ("blocul", "bloc "),
    "bill invoice": ("factura", "facturi", "facturii"),
    # "lei/lună" is not glossed "monthly": the mind map's old "întreținere ~420 lei/lună" then
    # covered "per month" better than the newer "întreținere pe octombrie: 465 lei" (measured).
    "monthly month": ("lunii",),
    "fee": ("taxa ", "taxa:", "taxei"),
    "membership subscription": ("abonament", "abonamentul"),
    "gym": ("sala de sport", "sala de fitness"),
    "swimming pool swim": ("bazin", "bazinul", "inotul", "inotului"),
    "coach trainer instructor": ("antrenor", "antrenorul", "antrenoare"),
    "size": ("marime", "marimea", "masura "),
    "clothes clothing": ("haine ", "hainele"),
    "shoes shoe": ("incaltaminte", "pantofi"),
    "allergic allergy": ("alergic",),
    "penicillin": ("penicilin",),
    "policy insurance": ("polita", "politei"),
    "car insurance liability": ("rca ", "rca:", "rca,", "rca-ul"),
    "inspection mot roadworthiness": ("itp ", "itp:", "itp,", "itp-ul"),
    "road toll vignette": ("rovinieta",),
    "current account": ("cont curent", "contul curent"),
    "savings account": ("cont de economii", "contul de economii", "economii"),
    "account": ("contul",),
    "raise pay rise": ("marire", "marirea"),
    "boss manager lead": ("sef ", "seful", "sefa ", "sefului"),
    # (Not "colegi", which starts the Spanish "colegio", a school.)
    "colleague": ("coleg ", "colegul", "colega ", "colegii", "colegilor"),
    "christmas": ("craciun",),
    "birthday": ("la multi ani", "ziua lui", "ziua ei", "aniversare"),
    "born birth": ("nascuta",),
    "leave depart trip": ("plecam", "plecare", "plecarea"),
    "water": ("apa rece", "apa calda"),
    "heating": ("caldura", "caldurii"),
    "engineer": ("inginer",),
    "appointment": ("programarea", "programari"),
    "payment": ("plata:", "plata factura", "plata op ", "plata la pos"),
    "children's allowance": ("alocatie", "alocatia"),
}
# More Tagalog (and Taglish) household words: kin and godparents, the kasambahay and the school
# service, the house and its bills, the car, pay and remittances. Words that are English words or
# common names elsewhere are written with what makes them Tagalog: "ate" (ate), "lola", "tita",
# "tito" and "lolo" (names) only after "si"/"ni"/"kay" or before "ko", or as a table's relation
# ("tita (Cavite)", "Relation: lola; ..."), never before a colon or comma ("Lola: see you", "Lola,
# my cat"); "amo" (ammo), "upa" and "apo" (an acronym) are left out, and "umento" (inside
# "documento").
_TAGALOG_MORE: dict[str, tuple[str, ...]] = {
    "older sister sister": ("si ate ", "ni ate ", "kay ate ", "ate ko", "kapatid na babae"),
    "older brother brother": ("si kuya", "ni kuya", "kay kuya", "kuya ko", "kapatid na lalaki"),
    "sibling brother sister": ("kapatid",),
    "grandmother grandma": ("si lola", "ni lola", "kay lola", "lola ko", "lola (", "lola;"),
    "grandfather grandpa": ("si lolo", "ni lolo", "kay lolo", "lolo ko", "lolo (", "lolo;"),
    "aunt": ("si tita", "ni tita", "kay tita", "tita ko", "tita (", "tita;", "tiyahin"),
    "uncle": ("si tito", "ni tito", "kay tito", "tito ko", "tito (", "tito;", "tiyuhin"),
    "godmother godparent": ("ninang",),
    "godfather godparent": ("ninong",),
    "godchild godson goddaughter": ("inaanak",),
    "cousin": ("pinsan",),
    "nephew niece": ("pamangkin",),
    "parent-in-law in-laws": ("biyenan", "byenan"),
    "brother-in-law": ("bayaw",),
    "sister-in-law": ("hipag",),
    "grandchild": ("apo ko", "mga apo"),
    "youngest child": ("bunso",),
    "eldest child": ("panganay",),
    "child kid son daughter": ("mga anak", "anak ko"),
    "housekeeper helper maid": ("kasambahay", "katulong"),
    "nanny": ("yaya ",),
    "driver": ("tsuper", "drayber"),
    "house home": ("bahay",),
    "vehicle car": ("sasakyan",),
    "car": ("kotse",),
    "friend": ("kaibigan", "barkada"),
    "work job": ("trabaho",),
    "bill bills": ("bayarin",),
    "paid payment": ("binayaran", "nagbayad", "bayad "),
    "remittance money sent": ("padala",),
    "debt loan owed": ("utang",),
    "monthly month": ("buwanan", "kada buwan", "buwan-buwan"),
    "fever": ("lagnat",),
    "shrimp": ("hipon",),
    "checkup check-up doctor": ("pa-checkup", "nagpa-checkup", "magpa-checkup"),
    "raise salary": ("tinaasan",),
}
# Lithuanian household words: papers (asmens kodas, pasas, ID kortelė), family (vyras, dukra,
# brolis), the flat and its bendrija (owners' association) with its pirmininkas, the mortgage and
# its palūkanos, the car's TA (techninė apžiūra) and KASKO, darželis and auklėtoja, doctors, work
# and pay, the days of the week. Folded: "žmona" is "zmona", "sąskaita" "saskaita". Words that
# are words of other languages too are written with what follows them ("pasas" is Spanish
# raisins: "pasas nr", "paso nr"; "busto" Italian: "busto paskol", "busto draud"); "ta" (the
# inspection) only as "ta galioja"; "mama" (Czech too) and "kasko" (Norwegian too) only in a line
# that writes a letter only Lithuanian writes (ą, ę, ė, į, ų, ū), as the Nordic words above are.
_LITHUANIAN_MORE: dict[str, tuple[str, ...]] = {
    "personal code identity number": ("asmens kod",),
    "passport": ("pasas nr", "pasas:", "paso nr", "paso numer"),
    "identity card id": ("tapatybes kortel", "asmens tapatybes"),
    "driving licence license": ("vairuotojo pazym",),
    "issued": ("isduotas", "isduota"),
    "valid expiry expires until": ("galioja", "galiojimo"),
    "address": ("adresas",),
    "birth born birthday date of birth": ("gimimo", "gime:", "gime "),
    "birthday": ("gimtadien",),
    "work job employer works": ("darbas", "dirba ", "darbovie"),
    "boss manager": ("vadove", "vadovas"),
    "colleague": ("kolege", "kolega", "kolegos"),
    "salary pay wages": ("atlyginim", "darbo uzmokest"),
    "account": ("saskaita", "saskaitos"),
    "current everyday account": ("kasdiene saskait",),
    "savings": ("taupomoji", "taupomaja", "taupomoj"),
    "mortgage home loan": ("busto paskol",),
    "loan": ("paskola", "paskolos"),
    "interest rate": ("palukan",),
    "payment instalment": ("imoka", "imokos", "imoka "),
    "family": ("seima", "seimos"),
    "husband": ("vyras", "vyro "),
    "wife": ("zmona",),
    "daughter": ("dukra", "dukros", "dukrai"),
    "son": ("sunus", "sunaus"),
    "mother mum mom": ("mamos ", "mamos:", "mamai ", "mamyte"),  # whole words: Sesotho's "Mamosa" is a name
    "father dad": ("tetis", "tecio", "tevas"),
    "brother": ("brolis", "brolio", "broli!", "broli,", "broliui"),
    "sister": ("sesuo", "sesers"),
    "older elder": ("vyresnysis", "vyresnioji", "vyresn"),
    "younger": ("jaunesnysis", "jaunesnioji", "jaunesn", "mazasis"),
    "phone": ("telefonas", "tel. nr"),
    "number": ("numeri ", "numeris "),
    "kindergarten nursery": ("darzel",),
    "kindergarten teacher teacher": ("aukletoj",),
    "group": ("grupe ", "grupe:", "grupes", "grupeje"),
    "housing association building owners association": ("bendrij", "dnsb"),
    "chair chairman": ("pirminink",),
    "meeting": ("susirinkim",),
    "fee": ("mokestis", "mokesci"),
    "flat apartment": ("butas", "buto "),
    "home house": ("namai", "namus", "namuose"),
    "lives live": ("gyvena",),
    "bicycle bike": ("dviraci",),
    "storage": ("saugykl",),
    "basement cellar": ("rusyje", "rusys"),
    "code": ("kodas",),
    "car": ("masina", "masinos"),
    "plate registration number plate": ("valst. nr", "valstybinis numer"),
    "technical inspection inspection": ("ta galioja", "technine apziur", "technines apziur"),
    "insurance": ("draudim",),
    "home insurance": ("busto draud",),
    "compulsory liability insurance": ("tpvcap", "privalomasis"),
    "policy": ("polisas", "poliso "),
    "annual yearly": ("metine", "metinis"),
    "service garage mechanic": ("servisas", "autoservis"),
    "doctor": ("gydytoj",),
    "family doctor gp doctor": ("seimos gydytoj",),
    "clinic polyclinic": ("poliklinik",),
    "dentist dental": ("odontolog",),
    "room office": ("kab.,", "kab. ", "kabinet"),
    "allergy allergic": ("alergij",),
    "strawberry strawberries": ("braske", "braskem"),
    "office": ("biuras", "biuro ", "biure"),
    "swimming swim": ("plaukim", "plaukti"),
    "swimming pool pool": ("basein",),
    "lessons lesson": ("pamokos", "pamoka", "pamoku"),
    "coach trainer": ("treneris", "trener"),
    "subscription membership": ("abonement",),
    "meals food": ("maitinim",),
    "electricity": ("elektra",),
    "price cost": ("kaina", "kainos", "kaina "),
    "contract": ("sutartis", "sutarti"),
    "half marathon": ("pusmaraton",),
    "children kids": ("vaiku", "vaikams"),
    "monday": ("pirmadien",),
    "tuesday": ("antradien",),
    "wednesday": ("treciadien",),
    "thursday": ("ketvirtadien",),
    "friday": ("penktadien",),
    "saturday": ("sestadien",),
    "sunday": ("sekmadien",),
}
# Croatian household words: papers (OIB, osobna iskaznica, putovnica, vozačka, HZZO and the
# dopunsko insurance), family (muž, sin, kći, sestra starija/mlađa, kum), the flat (stan) with its
# pričuva, upravitelj and predstavnik stanara, the bills (režije: struja, plin, voda), the car's
# registracija, tehnički pregled and osiguranje (AO; "kasko" stays glossed only as the Lithuanian
# lines above, as Estonian, Finnish, Turkish and Norwegian notes write it too), vrtić and jaslice with their skupina
# and teta, doctors, work (šef, kolega). Folded: "rođendan" is "rodendan", "ključ" "kljuc". Words
# that are words of other languages too are written with what follows them ("sin" is English:
# "sin)", "sin,"; "stan" an English name: "stan br"; "teta" Czech aunt: "teta u vrticu").
_CROATIAN_MORE: dict[str, tuple[str, ...]] = {
    "personal identification number oib": ("oib:", "oib "),
    "passport": ("putovnic",),
    "identity card id": ("osobna iskaz", "osobne iskaz", "iskaznic"),
    "driving licence license": ("vozacka", "vozacke", "vozacku"),
    "valid expiry expires until": ("vrijedi do", "vrijedi"),
    "birth born birthday date of birth": ("rodena", "roden ", "roden,", "rodenja"),
    "birthday": ("rodendan",),
    "blood type group": ("krvna grup",),
    "health insurance": ("hzzo", "zdravstven"),
    "supplementary": ("dopunsk",),
    "flat apartment home address": ("stan br", "stambeni", "stanar"),
    "mortgage home loan": ("stambeni kredit",),
    "loan": ("kredita", "posudb", "posudil"),
    "lent lend": ("posudba", "posudil"),
    "instalment payment": ("rata:", "rata kredita"),
    "reserve fund building fee maintenance": ("pricuv",),
    "building manager management": ("upravitelj",),
    "representative": ("predstavni",),
    "tenants residents": ("stanara", "stanari"),
    "neighbour neighbor": ("susjed",),
    "spare key key": ("rezervni kljuc", "kljuc"),
    "utilities bills": ("rezije",),
    "electricity": ("struja", "struje", "el. energij"),
    "gas": ("plin ", "plin:", "plin,", "plina", "plinara"),
    "water": ("vodoopskrb",),
    "customer number": ("broj kupca",),
    "metering point": ("omm ", "obracunsko mjerno", "mjerno mjesto"),
    "bill invoice": ("racun za", "racun "),
    "salary pay wages": ("placa 0", "placa 1", "placa:"),
    "husband": ("muz ", "muz,", "muz)", "muza)", "muzu", "muzem", "suprug"),
    "son": ("sin)", "sina ", "sinu "),
    "daughter": ("kci)", "kci ", "kci,", "kcer"),
    "sister": ("sestra", "sestri", "sestre"),
    "older elder": ("starija", "stariji"),
    "younger": ("mlada sestr", "mladi brat", "mlada)", "mladi)"),
    "brother": ("brat)", "brat,", "brata", "bratu"),
    "godfather godparent": ("kum:", "kum ", "kuma ", "kumovi"),
    "boss manager": ("sef:", "sef ", "sefica"),
    "colleague": ("kolega", "kolegica"),
    "works work employer job": ("radi u ", "radi kao", "posao"),
    "kindergarten nursery": ("vrtic", "vrtica", "jaslic"),
    "kindergarten teacher teacher": ("teta u vrti", "odgojitelj"),
    "group": ("skupina", "skupini"),
    "doctor": ("lijecni",),
    "family doctor gp doctor": ("obiteljska lijecni", "obiteljski lijecni"),
    "paediatrician pediatrician": ("pedijatr",),
    "dentist dental": ("zubar", "stomatolog"),
    "allergic allergy": ("alergican", "alergij"),
    "car": ("auti", "automobil"),
    "registration plate": ("registracij",),
    "technical inspection inspection": ("tehnicki", "tehnickog"),
    "insurance insures insurer": ("osiguranj",),
    "policy": ("polica 0", "polica 1", "polica 2", "polica 3", "polica 4", "polica 5", "polica 6", "polica 7", "polica 8", "polica 9", "polica br"),
    "trips travel holiday": ("putovanj",),
    "skiing ski": ("skijanj",),
    "deposit": ("akontacij",),
    "to do": ("za napraviti",),
    "monthly month": ("mjesecn", "/mj"),
}
# Malay household words where they are not the Indonesian ones above: papers (kad pengenalan,
# lesen memandu, cukai pendapatan, KWSP, tarikh luput, tamat), family (mak, abah, mak mertua, mak
# cik, pak cik, anak buah, bongsu), the house and its bills (cukai pintu, cukai tanah, tuan rumah,
# akaun, kata laluan, tukang kebun, penyaman udara), money (sebulan, setahun, yuran, bayar,
# potong gaji), the car (kereta is a car in Malay, a train in Indonesian; tayar, casis, cukai
# jalan, takaful), school (tadika, cikgu, ustazah, guru kelas, kelas, tuisyen, mengaji, Tahun 2),
# health (alahan, ubat, demam, pakar kanak-kanak) and the days Malay spells its own way (Isnin,
# Khamis, Jumaat, Ahad). Words other languages' notes use otherwise are written with what follows
# them ("kad:" and "kad pengenalan", as "kad" is "when" in Croatian; "gred:" as "gred" is a kernel
# word; "mak " a whole word) and "bil" (a car in the Nordic languages), "guru" and "air" (English
# words) are left out.
_MALAY_MORE: dict[str, tuple[str, ...]] = {
    "identity card id ic": ("kad pengenalan", "mykad"),
    "card": ("kad:", "kad kredit", "kad debit", "kad bank", "kad pengenalan"),
    "number": ("nombor",),
    "phone": ("nombor telefon", "no. telefon", "no telefon"),
    "driving licence license": ("lesen",),
    "expiry expires expire ends until": ("tamat", "tarikh luput", "luput"),
    "ends finished": ("habis ",),
    "updated": ("dikemaskini", "kemaskini"),
    "date": ("tarikh",),
    "birthday birth": ("tarikh lahir", "hari jadi", "harijadi", "lahir:"),
    "income tax": ("cukai pendapatan",),
    "property tax assessment": ("cukai pintu",),
    "land tax": ("cukai tanah",),
    "road tax": ("cukai jalan", "roadtax"),
    "provident fund epf retirement": ("kwsp",),
    "blood type group": ("jenis darah", "kumpulan darah"),
    "emergency": ("kecemasan",),
    "grade": ("gred:", "gred d"),
    "employee staff": ("pekerja",),
    "employer": ("majikan",),
    "office": ("pejabat",),
    "work job works": ("kerja ", "bekerja"),
    "colleague": ("rakan sekerja", "kawan sekerja", "rakan kerja"),
    "friend": ("kawan",),
    "mother mum mom": ("mak ", "emak"),
    "father dad": ("abah", "bapa "),
    "parents": ("ibu bapa", "mak ayah"),
    "mother-in-law in-laws": ("mak mertua",),
    "father-in-law in-laws": ("bapa mertua",),
    "grandfather grandpa": ("atuk",),
    "aunt auntie": ("mak cik", "makcik"),
    "uncle": ("pak cik", "pakcik"),
    "nephew niece": ("anak buah", "anak saudara"),
    "youngest": ("bongsu",),
    "eldest oldest": ("sulung",),
    "children child kids kid": ("kanak-kanak", "budak"),
    "neighbour neighbor": ("jiran",),
    "account": ("akaun",),
        "password": ("kata laluan",),
    "water": ("lembaga air", "bil air"),
    "landlord landlady": ("tuan rumah", "tuan tanah"),
    "terraced house": ("rumah teres",),
    "gardener garden": ("tukang kebun", "kebun"),
    "conditioner aircon aircond conditioning": ("penyaman udara",),
    "month monthly": ("sebulan",),
    "year yearly annual": ("setahun",),
    "week weekly": ("seminggu", "minggu "),
    "fee fees": ("yuran",),
    "pay paid payment": ("bayar", "dibayar", "pembayaran"),
    "salary deduction": ("potong gaji",),
    "car": ("kereta",),
    "tyres tires tyre tire": ("tayar",),
    "chassis vin": ("casis",),
    "insurance insurer insures": ("takaful",),
    "petrol fuel oil": ("minyak",),
    "motorcycle motorbike": ("motosikal",),
    "plate registration": ("no. plat", "nombor plat"),
    "kindergarten nursery preschool": ("tadika",),
    "teacher": ("cikgu", "ustazah", "ustaz "),
    "class teacher": ("guru kelas",),
    "headmaster headmistress principal": ("guru besar",),
    "class": ("kelas ",),
    "class school year": ("tahun 1", "tahun 2", "tahun 3", "tahun 4", "tahun 5", "tahun 6", "darjah", "tingkatan"),
    "tuition tutoring tutor": ("tuisyen",),
    "quran religious lessons": ("mengaji",),
    "maths math mathematics": ("matematik",),
    "size": ("saiz",),
    "allergy allergic allergies": ("alahan ",),
    "prawn prawns shrimp": ("udang",),
    "medicine": ("ubat ",),
    "fever": ("demam",),
    "paediatrician pediatrician": ("pakar kanak",),
    "specialist": ("pakar ",),
    "dentist dental": ("doktor gigi", "klinik gigi"),
    "babysitter nanny childminder": ("pengasuh",),
    "monday": ("isnin",),
    "thursday": ("khamis",),
    "friday": ("jumaat",),
    "sunday": ("ahad ",),
    "afternoon evening": ("petang",),
    "lives live living": ("tinggal",),
    "moved move moving": ("pindah", "berpindah"),
}
# Icelandic household words, folded as `fold` folds them (accents dropped, "æ" as "ae"; "ð" and
# "þ" are letters of their own and stay). Not "sími" (phone) or "amma": they begin English words
# or mean another relative elsewhere.
_ICELANDIC_MORE: dict[str, tuple[str, ...]] = {
    "rent": ("leiga", "leigu", "husaleig"),
    "lease contract": ("leigusamning",),
    "landlord": ("leigusal",),
    "phone number mobile": ("simanumer", "farsim"),
    "passport": ("vegabref",),
    "birthday": ("afmaeli",),
    "insurance": ("trygging", "vatrygg"),
    "policy": ("skirteini",),
    "doctor": ("laeknir", "laekni", "heimilislaekn"),
    "dentist dental": ("tannlaekn",),
    "kindergarten nursery preschool": ("leikskol",),
    "school": ("grunnskol",),
    "salary pay": ("manaðarlaun", "launin"),
    "employee number staff number": ("starfsmannanumer", "starfsmannanr"),
    "account number": ("reikningsnumer", "bankareikning"),
    "brother": ("broðir", "broður"),
    "sister": ("systir", "systur"),
    "mother mum mom": ("moðir", "moður"),
    "father dad": ("faðir", "foður", "pabbi"),
    "cousin": ("fraenk", "fraend"),
    "godmother": ("guðmoð",),
    "godfather": ("guðfoð",),
    "mother-in-law in-laws": ("tengdamoð", "tengdamamm"),
    "father-in-law in-laws": ("tengdafoð", "tengdapabb"),
    "sister-in-law": ("magkon",),
    "wife": ("eiginkon",),
    "husband": ("eiginmað",),
    "inspection": ("skoðun",),
    "tyres tires": ("vetrardekk", "sumardekk", "dekkin"),
    "head teacher manager": ("deildarstjor",),
    "group class": ("deildin", "deildinni"),
    "residence permit": ("dvalarleyf",),
    "address": ("heimilisfang",),
    "id number national id": ("kennitala", "kennitolu"),
    "car": ("bilinn", "billinn", "bilnum"),
    "summer closure holiday": ("sumarlokun",),
}
# Estonian household words (folded: "küdi" is "kudi"), and Georgian ones as Georgians write them
# in Latin letters. Not the short ones ("ema", "isa", "deda") that begin other words, nor "tütar"
# (daughter), which folds to Turkish "tutar" (amount), a bank export's column.
_ESTONIAN_GEORGIAN_MORE: dict[str, tuple[str, ...]] = {
    "stairwell staircase entrance": ("trepikoja", "trepikod"),
    "housing association building association": ("korteriuhistu", "amkhanagob"),
    "kindergarten nursery preschool": ("lasteaed", "lasteaia"),
    "school": ("pohikool", "gumnaasium", "koolis", "kooli "),
    "id number personal code national id": ("isikukood",),
    "family doctor gp": ("perearst",),
    "dentist dental": ("hambaarst", "hambaravi", "lastehambaravi"),
    "motor insurance car insurance": ("liikluskindlustus",),
    "inspection": ("tehnoulevaatus",),
    "pension pillar": ("sammas",),
    "grandmother grandma": ("vanaema", "bebia"),
    "grandfather grandpa": ("vanaisa", "babua"),
    "brother-in-law": ("kudi",),
    "spouse husband wife": ("abikaasa",),
    "son": ("poeg",),
    "class teacher": ("klassijuhataja",),
    "tyres tires": ("talverehv", "suverehv", "rehvid"),
    "nanny": ("dzidza",),
    "mother-in-law": ("dedamtil",),
    "godmother": ("natlia", "ristiema"),
    "godfather": ("ristiisa",),
}

# Uzbek household words as Uzbeks write them in Latin letters (folded; the "o'" and "g'" of the
# alphabet come with any of the apostrophes keyboards give, so each such word is listed with
# them), and Tunisian and Maghrebi Arabic ones as they are typed in Latin letters. Not the short
# words that are English words or begin them ("aka", "opa", "ona", "ish", "dar", "baba", "mart").
_APOSTROPHES = ("'", "\u2018", "\u02bb", "\u2019")
_UZBEK_DARIJA_MORE: dict[str, tuple[str, ...]] = {
    "mother mum mom": ("onam", "onasi", "oyim", "oyijon", "ommi ", "ommek", "yemma"),
    "father dad": ("otam", "otasi", "dadam", "dadasi", "bouya", "babak "),
    "brother": ("akam", "akasi", "akajon", "ukam", "ukasi", "khouya", "khoya ", "khouk "),
    "sister": ("opam", "opasi", "opajon", "singlim", "singlisi", "okhti", "okhtek", "ou5ti"),
    "grandmother grandma": ("buvi", "buvim", "buvijon", "jedda ", "jedti", "meme "),
    "grandfather grandpa": ("bobom", "bobojon", "jeddi "),
    "mother-in-law": ("qaynona", "hmati", "hmeti"),
    "father-in-law": ("qaynota", "3ami nsib", "hmaya"),
    "brother-in-law": ("qaynog", "pochcha", "nsibi"),
    "sister-in-law": ("ovsin", "qaynsingil", "kelinoyi"),
    "husband spouse": ("turmush", "erim ", "rajli", "rajel"),
    "wife spouse": ("xotinim", "rafiqam", "marti ", "mratek"),
    "son": ("wlidi", "weldi"),
    "daughter": ("qizim", "qizimiz", "benti"),
    "children kids": ("bolalar", "farzand", "sghar"),
    "uncle": ("tog'a", "amaki", "khali ", "khalek", "3ammi", "ammi "),
    "aunt": ("xola", "amma ", "khalti", "3ammti", "ammti"),
    "kindergarten nursery preschool": ("bog'cha", "bogcha", "rawdha", "roudha"),
    "teacher": ("o'qituvchi", "oqituvchi", "tarbiyachi", "ustoz", "mu'allim", "mou3alem", "sinf rahbar"),
    "school": ("maktab", "madrsa", "madrasa"),
    "doctor": ("shifokor", "tbib", "doktor"),
    "hospital": ("shifoxona", "kasalxona", "sbitar"),
    "home flat apartment house": ("xonadon", "kvartira", "uyimiz", "houma"),
    "address": ("manzil",),
    "account": ("hisob", "hisobraqam"),
    "number": ("raqam",),
    "birthday": ("tug'ilgan", "tugilgan", "3id miled", "eid miled"),
    "insurance": ("sug'urta", "sugurta", "ta2min", "tamin "),
    "car": ("mashina", "avtomobil", "karhba", "karhabti"),
    "work job office": ("ishxona", "khedma", "5edma"),
    "money": ("flous", "pulim"),
    "salary": ("maosh", "oylik", "chahria", "shahria"),
    "deposit savings": ("omonat",),
    "loan mortgage": ("ipoteka", "kredit", "qarz"),
    "rent": ("ijara", "kraya"),
    "utilities bills": ("kommunal",),
    "electricity": ("elektr", "steg ", "kahraba"),
    "tax": ("soliq",),
    "wedding": ("to'y", "3ers"),
}
_UZBEK_DARIJA_MORE = {english: tuple(dict.fromkeys(w.replace("'", a) for w in words for a in _APOSTROPHES))
                      for english, words in _UZBEK_DARIJA_MORE.items()}
# Albanian household words (folded: "ë" and "ç" as "e" and "c"), and the Guarani ones that
# Paraguayans mix into Spanish and English ("che sy", my mother). Not "police" (an Albanian
# insurance policy, an English police), "baba" or "nena" alone.
_ALBANIAN_GUARANI_MORE: dict[str, tuple[str, ...]] = {
    "passport": ("pasaport",),
    "identity card id": ("leternjoftim", "karta e identitetit"),
    "id number personal code national id": ("numri personal", "numrin personal"),
    "driving licence": ("leja e drejtimit", "lejen e drejtimit", "patenta", "registro de conducir"),
    "kindergarten nursery preschool": ("kopsht",),
    "school": ("shkoll",),
    "teacher": ("mesues", "edukatore"),
    "loan mortgage": ("kredi ", "kredia", "kredin", "kredis", "hipoteke"),
    "instalment payment": ("kesti", "kestin", "kestit"),
    "maintenance fee": ("mirembajtj",),
    "salary pay": ("rroga", "rrogen", "rroges"),
    "mother mum mom": ("nena ime", "nenes", "mami ", "mamaja", "che sy", "chesy"),
    "father dad": ("babai", "babi ", "che ru ", "cheru"),
    "grandmother grandma": ("gjyshe", "jaryi"),
    "grandfather grandpa": ("gjyshi", "tamoi"),
    "uncle": ("daja", "dajes", "xhaxh"),
    "aunt": ("halla", "hallen", "teze "),
    "mother-in-law": ("vjehrra", "vjehrres"),
    "father-in-law": ("vjehrri", "vjehrrit"),
    "brother": ("vella", "ryvy", "kyvy"),
    "sister": ("motra", "motres", "motren", "kypy'y", "kypyy", "reindy"),
    "wife spouse": ("gruaja", "bashkeshorte"),
    "husband spouse": ("burri im", "bashkeshorti"),
    "son": ("djali",),
    "daughter": ("vajza", "vajzes"),
    "children kids": ("femijet", "femijeve"),
    "doctor": ("mjek", "doktor"),
    "dentist dental": ("dentist",),
    "car": ("makina", "makines", "makinen"),
    "inspection": ("kolaudim",),
    "insurance": ("sigurim", "sigurac"),
    "electricity": ("energji",),
    "water": ("ujesjell",),
    "rent": ("qira", "qera"),
    "building": ("pallat",),
    "address": ("adresa", "adresen"),
    "birthday": ("ditelindj",),
    "wedding": ("dasm",),
    "account": ("llogari",),
    "tax": ("tatim",),
    "neighbour neighbor": ("fqinj",),
    "parents": ("prinder",),
    "housekeeper maid cleaner": ("empleada",),
    # "mi número nuevo es 0972 555 408": one's own number, in Spanish (Paraguay's diaries are in
    # Spanish); not every "Número:" of a card, which would say "number" for a passport asked.
    "number": ("mi numero", "numero nuevo", "nuevo numero"),
}
# Samoan family words, and the Hindustani ones Indo-Caribbean families keep (folded, whole words
# where a short word is also a name or another word). "uso" is a sibling of one's own sex: a
# man's brother, as most notes that use it are read. ("Tinā"/"Tamā", mother/father, fold to
# "tina"/"tama", common names: not here; english_for glosses them by their macron, _SAMOAN_PARENT.)
_SAMOAN_HINDUSTANI_MORE: dict[str, tuple[str, ...]] = {
    "brother sibling": ("uso ", "tuagane"),
    "sister": ("tuafafine",),
    "grandmother granny": ("tinamatua", "aji ", "nanie ", "nani ji"),
    "grandfather grandpa": ("tamamatua", "aja "),
    "uncle": ("mamu ", "chacha ", "tuatina"),
    "aunt": ("mausi ", "masi ", "fufu "),
    "family": ("aiga ",),
    "pastor minister": ("faifeau",),
    "church service": ("lotu ",),
    "children kids": ("fanau ",),
}
# French everyday words the lists above lack, as written in France, Belgium, Québec and West and
# Central Africa ("Paroisse Saint-Michel", "20 membres", "Frais par trimestre", "mon mari",
# "il est affecté à ...", "compte épargne"). English words are left out ("portable", "plaque") or
# written whole ("vend ", "mois "), and so are names ("Marie" for "marié", "Ami").
_FRENCH_MORE: dict[str, tuple[str, ...]] = {
    "parish church": ("paroisse", "parroquia", "parrocchia", "pfarrei"),
    "baptism baptised christening": ("bapteme", "baptise", "bautizo", "bautismo", "battesimo"),
    "members member": ("membres", "miembros", "mitglieder"),
    "term quarter": ("trimestre",),
    "city town": ("ville ",),  # a Logseq page's "ville:: [[Port-Gentil]]" (not "Libreville")
    "neighbourhood district": ("quartier ",),
    "job occupation": ("metier ", "profession "),
    "birthday born": ("dob ", "d.o.b"),  # "DOB 19/03/1988" is found by "my birthday"
    "moved": ("deplace", "demenag"),  # "Piscine déplacée au samedi", "déménagé à Oyem"
    "midwife": ("sage femme", "sage-femme", "partera", "parteira", "hebamme"),
    "cat": ("chatte ", "chaton"),
    "market": ("marche ", "marches ", "mercato "),
    "sells sell seller": ("vend ", "vendent", "vendeuse", "vendeur"),
    "peanuts peanut groundnuts": ("arachide", "cacahuete", "cacahuate", "erdnuss"),
    "posted transferred assigned": ("affecte ", "affectee ", "en poste"),
    "landlord landlady owner": ("bailleresse",),  # (not "proprio": Portuguese "em nome próprio" is one's own)
    "best friend": ("meilleure amie", "meilleur ami", "mejor amig", "migliore amic", "beste freund"),
    "friend": ("amie ", "amies ", "copine", "copain"),
    "insurance insurer": ("assuranc", "assureur"),
    "inspection": ("visite technique",),
    "month monthly": ("par mois", "mois "),
    "week weekly": ("semaine",),
    "boss manager": ("cheffe", "mon chef", "ma cheffe", "patronne", "superieur hierarchique"),
    "husband": ("mon mari", "son mari", "ton mari"),
    "wife": ("ma femme", "sa femme"),
    "wedding married marriage": ("mariage",),
    "children kids": ("enfants", "enfant "),
    "savings": ("epargne", "ahorro", "risparmio", "poupanca"),
    "current checking account": ("compte courant", "cuenta corriente", "conto corrente", "conta corrente"),
    "customs": ("douane", "douanier", "aduana", "dogana", "alfandega"),
    "retired retirement pension": ("retraite", "jubilado", "jubilada", "pensionato", "aposentad"),
    "pharmacist chemist": ("pharmacien",),
    "dressmaker tailor seamstress": ("couturiere", "couturier", "costurera", "sarta "),
    "housekeeper maid cleaner": ("menagere", "femme de menage", "empregada", "empleada domestica"),
    "nickname": ("surnom", "apodo", "soprannome", "apelido"),
    "accident crash": ("accroch", "carambol", "unfall"),
    "born birth": ("ne le ", "nee le "),
    "mobile phone": ("cellulaire",),
    "tenant": ("locataire", "inquilino", "affittuario"),
}
_merge(_GLOSSES, _MORE_GLOSSES, _ROMANCE_MORE, _FRENCH_MORE, _HUNGARIAN_MORE, _NORDIC_MORE, _INDONESIAN_MORE, _DANISH_MORE, _ROMANIAN_MORE,
       _TAGALOG_MORE, _LITHUANIAN_MORE, _CROATIAN_MORE, _MALAY_MORE, _ICELANDIC_MORE, _ESTONIAN_GEORGIAN_MORE,
       _UZBEK_DARIJA_MORE, _ALBANIAN_GUARANI_MORE, _SAMOAN_HINDUSTANI_MORE)

def fold(text: str) -> str:
    """Lower case without diacritics ("Garażu" -> "garazu"), as the full-text index folds."""
    text = text.lower().replace("ł", "l").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Korean writes particles onto its nouns ("엄마가", "집주인한테") and has no case to fold: its
# everyday words are found as they are written, inside the text.
_HANGUL_GLOSSES: dict[str, tuple[str, ...]] = {
    "mother mum mom": ("엄마", "어머니", "어머님"),
    "father dad": ("아빠", "아버지", "아버님"),
    "sister": ("언니", "누나", "여동생"),
    "brother": ("오빠", "남동생"),
    "brother-in-law": ("형부", "매형", "자형", "매제"),
    "sister-in-law": ("올케", "새언니", "형수", "제수"),
    "husband": ("남편",),
    "wife": ("아내", "와이프"),
    "son": ("아들",),
    "daughter": ("따님",),
    "nephew niece": ("조카",),
    "grandmother grandma": ("할머니",),
    "grandfather grandpa": ("할아버지",),
    "landlord landlady": ("집주인", "임대인"),
    "deposit": ("보증금",),
    "rent": ("월세", "임대료"),
    "lease jeonse": ("전세",),
    "flat apartment": ("아파트",),
    "service charges maintenance fee": ("관리비",),
    "insurance": ("보험",),
    "birthday": ("생일", "생신"),
    "dentist": ("치과",),
    "vet veterinarian": ("동물병원", "수의사"),
    "hospital doctor": ("병원", "의원"),
    "kindergarten": ("유치원", "어린이집"),
    "address": ("주소",),
    "phone": ("전화", "휴대폰", "핸드폰", "연락처"),
    "passport": ("여권",),
    "car": ("자동차", "차량"),
    "plate": ("번호판",),
    "contract": ("계약", "약정"),
    "expiry expires": ("만료",),
    "loan": ("대출",),
    "interest rate": ("금리", "이자"),
    "salary": ("월급", "급여", "연봉"),
    "company": ("회사",),
    "manager lead": ("팀장", "상사"),
    "teacher": ("선생님", "담임"),
    "health check": ("건강검진",),
    "employee number": ("사번",),
    "tax": ("세금", "연말정산"),
    "inspection": ("정기검사", "검사"),
}
_HANGUL = [(w, english) for english, words in _HANGUL_GLOSSES.items() for w in words]

# Thai writes no spaces between words: its everyday words are found as they are written, inside
# the text, as Korean's are.
_THAI_GLOSSES: dict[str, tuple[str, ...]] = {
    "plate registration": ("ทะเบียน",),
    "car": ("รถยนต์", "รถเก๋ง"),
    "mother mum mom": ("แม่",),
    "father dad": ("พ่อ",),
    "sister": ("พี่สาว", "น้องสาว"),
    "brother": ("พี่ชาย", "น้องชาย"),
    "grandmother grandma": ("ยาย", "คุณย่า"),
    "nephew niece grandchild": ("หลาน",),
    "boyfriend girlfriend partner": ("แฟน",),
    "insurance": ("ประกัน",),
    "compulsory insurance": ("พ.ร.บ.",),
    "tax": ("ภาษี",),
    "juristic office building management": ("นิติบุคคล",),
    "common fee service charge": ("ค่าส่วนกลาง",),
    "deposit": ("เงินประกัน", "เงินมัดจำ"),
    "rent": ("ค่าเช่า",),
    "electricity": ("ไฟฟ้า", "ค่าไฟ"),
    "water": ("ค่าน้ำ", "ประปา"),
    "social security": ("ประกันสังคม",),
    "identity card id": ("บัตรประชาชน", "บัตรประจำตัว"),
    "passport": ("หนังสือเดินทาง",),
    "driving licence": ("ใบขับขี่",),
    "birthday": ("วันเกิด",),
    "bank": ("ธนาคาร",),
    "salary": ("เงินเดือน",),
    "doctor": ("หมอ", "แพทย์"),
    "hospital": ("โรงพยาบาล",),
    "dentist dental": ("ทันต", "ฟัน"),
    "phone": ("เบอร์", "โทรศัพท์", "มือถือ"),
    "address": ("ที่อยู่",),
    "merit making": ("ทำบุญ",),
    "inspection": ("ตรวจสภาพ",),
    "condo": ("คอนโด",),
}
_THAI = [(w, english) for english, words in _THAI_GLOSSES.items() for w in words]

# Greek, folded (lower case, no tonos), as word beginnings; one written with a space after it is
# a whole word ("δεη " is the power company, the abbreviation "αδτ " the identity card).
_GREEK_GLOSSES: dict[str, tuple[str, ...]] = {
    "passport": ("διαβατηρι",),
    "identity card id": ("ταυτοτητ", "αδτ "),
    "tax number": ("αφμ ",),
    "social security number": ("αμκα ",),
    "vehicle inspection": ("κτεο ",),
    "electricity": ("δεη ", "ρευμα"),
    "water": ("ευαθ ", "νερο "),
    "rent": ("ενοικι",),
    "deposit": ("εγγυηση",),
    "shared building costs service charges": ("κοινοχρηστ",),
    "building manager": ("διαχειριστ",),
    "landlord owner": ("ιδιοκτητ",),
    "road tax": ("τελη κυκλοφοριας",),
    "insurance": ("ασφαλει", "ασφαλιστ"),
    "contract": ("συμβολαι",),
    "supply number": ("αριθμος παροχης", "παροχη"),
    "mother mum mom": ("μαμα", "μητερα"),
    "father dad": ("μπαμπα", "πατερα"),
    "grandmother grandma": ("γιαγια",),
    "grandfather grandpa": ("παππου",),
    "godmother": ("νονα ",),
    "godfather": ("νονος", "νονο "),
    "nephew niece": ("ανιψι",),
    "sister-in-law": ("νυφη", "κουνιαδα"),
    "brother-in-law": ("κουνιαδο", "γαμπρο"),
    "cousin": ("ξαδερφ", "ξαδελφ"),
    "brother sister": ("αδερφ", "αδελφ"),
    "aunt": ("θεια ",),
    "uncle": ("θειος", "θειο "),
    "husband wife spouse": ("συζυγ",),
    "birthday": ("γενεθλια",),
    "name day": ("γιορτη", "ονομαστικ"),
    "doctor": ("γιατρ",),
    "dentist": ("οδοντιατρ",),
    "hospital": ("νοσοκομει",),
    "bank": ("τραπεζ",),
    "salary": ("μισθο",),
    "work job": ("δουλει",),
    "car": ("αυτοκινητ",),
    "motorbike scooter": ("μηχανακι", "μοτοσυκλετ", "παπακι"),
    "plate": ("πινακιδ",),
    "phone": ("τηλεφων", "κινητο"),
    "address": ("διευθυνση",),
    "flat apartment": ("διαμερισμα",),
    "home house": ("σπιτι",),
    "service": ("σερβις",),
}
_GREEK = [(w, english) for english, words in _GREEK_GLOSSES.items() for w in words]
_GREEK_RE = re.compile("(?<![^\\W\\d_])(?:" + "|".join(sorted((re.escape(w.rstrip()) + ("(?![^\\W\\d_])" if w.endswith(" ") else "")
                                                       for w, _ in _GREEK), key=len, reverse=True)) + ")")
_GREEK_ENGLISH: dict[str, str] = {}
for _w, _e in _GREEK:
    _GREEK_ENGLISH[_w.rstrip()] = f"{_GREEK_ENGLISH.get(_w.rstrip(), '')} {_e}".strip()


# Ukrainian (and the Cyrillic letters Russian adds), folded as `fold` folds them ("й" is "и",
# "ї" "і"), as word beginnings; one written with a space after it is a whole word ("сказ " is
# rabies, not "сказала"; "пн " Monday).
_CYRILLIC_GLOSSES: dict[str, tuple[str, ...]] = {
    "passport": ("паспорт",),
    "international foreign": ("закордонн",),
    "identity card id": ("id-картк", "id картк", "айді", "внутрішн паспорт"),
    "tax number": ("рнокпп", "іпн ", "ідентифікаційн"),
    "driving licence": ("посвідчення водія", "водійськ", "права "),
    "valid until expires expiry": ("дійсн", "діє до", "термін дії"),
    "insurance car": ("автоцивілк", "осцпв", "осаго"),
    "insurance": ("страхов", "страхув", "каско"),
    "policy": ("поліс",),
    "car": ("машин", "автомобіл", "авто "),
    "number plate registration": ("номерний знак", "держномер", "номер: "),
    "service inspection": ("техогляд", "то: ", "то на "),
    "tyres tires": ("шини", "шин ", "гума ", "шиномонтаж"),
    "vehicle registration document": ("техпаспорт",),
    "school": ("школ", "ліцей", "гімназі", "гимнази", "лицей"),
    "class": ("клас",),
    "teacher": ("вчител", "вчительк", "учител", "керівниц"),
    "kindergarten nursery": ("садоч", "дитсад", "дитячий садок"),
    "after-school club": ("продовженого дня", "продовжен"),
    "lesson": ("занятт", "урок"),
    "tutor": ("репетитор",),
    "english": ("англійськ",),
    "swimming pool": ("басейн",),
    "swimming swim": ("плава",),
    "coach trainer": ("тренер",),
    "address": ("адрес",),
    "street address": ("вул. ", "вулиц", "просп. "),
    "flat apartment": ("квартир", "кв. "),
    "home house": ("дім ", "дому", "домашн", "вдома"),
    "lives live": ("живе", "живуть", "мешка", "проживає"),
    "moved": ("переїха",),
    "account": ("рахун", "особов"),
    "bank": ("банк",),
    "card": ("картк", "картц"),
    "salary pay": ("зарплат", "заробітн", "аванс"),
    "fee contribution": ("внесок", "внески", "внеск"),
    "homeowners association": ("осбб",),
    "head chair": ("голова ", "голови ", "завідувач"),
    "rent": ("оренд",),
    "utilities bills": ("комуналк", "комунальн"),
    "electricity": ("світло", "електроенерг", "електрик"),
    "gas": ("газ ", "газу ", "газмереж"),
    "water": ("вода", "води", "водоканал"),
    "internet": ("інтернет",),
    "tariff plan": ("тариф",),
    "contract": ("договір", "договор"),
    "subscription": ("підписк", "абонемент"),
    "phone": ("телефон", "мобільн", "номер телефон"),
    "work job": ("робот", "працю", "працює"),
    "schedule work days": ("графік",),
    "clinic": ("клінік", "ветклінік"),
    "vet veterinarian": ("ветлікар", "ветеринар", "ветклінік"),
    "surgeon": ("хірург",),
    "office room": ("кабінет",),
    "holiday vacation leave": ("відпустк",),
    "doctor": ("лікар", "лікарк", "лікаря"),
    "family": ("сімейн", "сімʼ", "родин"),
    "paediatrician pediatrician": ("педіатр",),
    "cardiologist": ("кардіолог",),
    "hospital": ("лікарн",),
    "pharmacy": ("аптек",),
    "medicine": ("ліки", "ліків", "таблетк"),
    "pressure": ("тиск",),
    "blood": ("кров",),
    "allergy allergic": ("алергі",),
    "dose mg": ("мг ",),
    "rabies": ("сказ ", "сказу ", "сказ:"),
    "vaccination vaccine shot": ("щеплен", "вакцин"),
    "chip microchip": ("чіп",),
    "weight weigh": ("вага", "ваги ", "важить", "зважи"),
    "dog": ("пес ", "пса ", "собак"),
    "cat": ("кішк", "кіт ", "кота ", "котик"),
    "beagle": ("бігл",),
    "birthday": ("день народження", "дня народження", "д.н."),
    "born birth": ("народив", "народил", "дата народження", "народж"),
    "wedding": ("весілл",),
    "mother mum mom": ("мама", "мами", "мамі", "маму", "мамою", "матір", "мати "),
    "father dad": ("тато", "тата ", "татові", "батько", "батька"),
    "parents": ("батьки", "батьків"),
    "brother": ("брат",),
    "sister": ("сестр",),
    "husband": ("чоловік", "чоловіка", "чоловіком"),
    "wife": ("дружин", "жінка ", "жінки "),
    "son": ("син ", "сина", "сином", "синові", "синочк"),
    "daughter": ("доньк", "дочк", "донечк"),
    "godmother": ("хрещен",),
    "godfather": ("хресн",),
    "mother-in-law": ("свекру", "тещ"),
    "father-in-law": ("свекор", "свекра", "тесть", "тестя"),
    "grandmother grandma": ("бабус", "бабц", "баба "),
    "grandfather grandpa": ("дідус", "дідо ", "діда "),
    "friend": ("подруг", "друг ", "друга ", "друзі"),
    "colleague": ("колег",),
    "neighbour neighbor": ("сусід",),
    "plumber": ("сантехнік",),
    "taxi": ("таксі",),
    "trip travel": ("подорож", "поїздк"),
    "homestead guesthouse": ("садиб",),
    "night nights stay stayed": ("ночі ", "ночей", "ночівл", "переночува"),
    "price cost": ("ціна", "ціну", "ціни", "вартіст", "коштує", "заплатил"),
    "shoes": ("взутт",),
    "password": ("пароль",),
    "monthly month": ("/міс", "на місяць", "місяц"),
    "monday": ("понеділ", "пн "),
    "tuesday": ("вівтор", "вт "),
    "wednesday": ("серед", "ср "),
    "thursday": ("четвер", "чт "),
    "friday": ("пʼятниц", "п'ятниц", "пятниц", "пт "),
    "saturday": ("субот", "сб "),
    "sunday": ("неділ", "нд "),
    "now": ("тепер", "зараз"),
    "next": ("наступн",),
    "new": ("нов",),
}
# Bulgarian shares the script and many words with Ukrainian but writes "и" where Ukrainian writes
# "і" and has its own words for much of household admin ("лична карта", "шофьорска книжка",
# "застраховка", "вноска", "свекърва", "домоуправител"): they are glossed too, in the same way.
_BULGARIAN_GLOSSES: dict[str, tuple[str, ...]] = {
    "identity card id": ("лична карта", "лична карт", "личната карта"),
    "personal number identity number": ("егн ",),
    "driving licence": ("шофьорск", "книжка", "книжката"),
    "valid until expires expiry": ("валид", "изтича", "изтекл"),
    "blood type group": ("кръвна група",),
    "blood": ("кръв",),
    "car": ("кола ", "колата", "колите", "автомобил"),
    "insurance": ("застрахов", "застраховк"),
    "insurance liability": ("го: ", "гражданска отговорност"),
    "policy": ("полица",),
    "inspection roadworthiness": ("гтп ",),
    "vignette": ("винетк",),
    "tyres tires": ("гуми ", "гумите", "гумсервиз"),
    "number plate registration": ("рег. №", "регистрационен"),
    "vin chassis": ("рама: ", "рама № "),
    "tax": ("данък", "данъц"),
    "vehicle": ("мпс ",),
    "school": ("училищ", "оу "),
    "class teacher": ("класна ", "класен ръководител", "класната"),
    "teacher": ("учителк", "учител"),
    "kindergarten nursery": ("дг ", "детска градина", "детската градина"),
    "group": ("група", "групата"),
    "english": ("английск",),
    "swimming swim": ("плуван", "плува "),
    "club": ("клуб",),
    "coach trainer": ("треньор",),
    "training session": ("тренировк",),
    "fee charge": ("такса", "таксат"),
    "block building": ("бл. ", "блок", "блока"),
    "entrance": ("вх. ", "вход ", "входа"),
    "floor": ("ет. ", "етаж"),
    "flat apartment": ("ап. ", "апартамент"),
    "housing estate district": ("ж.к. ",),
    "basement cellar": ("мазе",),
    "intercom": ("домофон",),
    "villa cottage country house": ("вила ", "вилата"),
    "key": ("ключ",),
    "mother mum mom": ("майка", "майка ми"),
    "father dad": ("татко", "баща"),
    "husband": ("съпруг ", "съпруга ми", "мъж ", "мъжа", "мъжът"),
    "wife": ("съпруга", "жена ", "жена му", "жената"),
    "daughter": ("дъщер",),
    "children kids": ("деца", "децата", "дете"),
    "mother-in-law": ("свекърв", "тъща"),
    "father-in-law": ("свекър ", "тъст"),
    "godmother kuma": ("кума ", "кръстниц"),
    "godfather kum": ("кум ", "кръстник"),
    "grandmother grandma": ("баба ", "баба си"),
    "grandfather grandpa": ("дядо",),
    "building manager": ("домоуправител",),
    "electrician": ("електротехник", "електричар"),
    "electricity": ("ток ", "ел.енерг", "ел. енерг", "електроенерг", "електроснабд"),
    "heating district heating": ("парно", "топлофикац"),
    "water utility": ("вик ",),
    "client customer account number": ("клиентски", "абонатен", "абонат"),
    "internet": ("интернет",),
    "password": ("парола", "паролата"),
    "mortgage": ("ипотек",),
    "loan credit": ("кредит",),
    "instalment payment": ("вноска", "вноски", "вноската"),
    "salary pay": ("заплата", "заплати "),
    "doctor": ("д-р ", "лекар", "лекарк"),
    "gp family doctor": ("личен лекар", "личния лекар", "джипи"),
    "paediatrician pediatrician": ("педиатър", "педиатърк"),
    "hospital": ("болниц",),
    "clinic": ("дкц ", "клиник", "поликлиник"),
    "pharmacist": ("фармацевт",),
    "manager": ("управител",),
    "allergy allergic": ("алерги",),
    "penicillin": ("пеницилин",),
    "medicine": ("лекарств",),
    "vaccination vaccine": ("ваксин",),
    "born birth": ("род. ", "роден", "родена", "раждане"),
    "birthday": ("рожден ден", "рождения ден"),
    "birth certificate": ("акт за раждане", "акта за раждане"),
    "lives live": ("живее", "живеят", "живеем"),
    "moves moved moving": ("се мести", "се местят", "премести", "преместих", "мести се"),
    "folder": ("папка", "папката"),
    "hotel": ("хотел",),
    "nights stay stayed": ("нощувк",),
    "holiday vacation": ("почивк", "ваканци"),
    "work job": ("работ",),
    "garage mechanic service": ("сервиз", "автосервиз", "монтьор"),
    "clutch": ("съединител",),
    "alarm": ("аларма", "алармата"),
    "code": ("код ",),
    "oil": ("масло",),
    "parking": ("паркинг", "парко място"),
    "price cost": ("цена", "цената", "струва", "платих"),
    "shoes": ("обувк",),
    "size": ("размер",),
    "monthly month": ("/мес", "на месец", "месечн", "месец"),
    "monday": ("понеделн",),
    "tuesday": ("вторник",),
    "wednesday": ("сряда", "сряда "),
    "thursday": ("четвърт",),
    "friday": ("петък",),
    "saturday": ("събот",),
    "sunday": ("неделя",),
    "now": ("сега",),
    "emergency urgent": ("спешн",),
    "dentist": ("зъболекар",),
}
_merge(_CYRILLIC_GLOSSES, _BULGARIAN_GLOSSES)
_CYRILLIC = [(fold(w), english) for english, words in _CYRILLIC_GLOSSES.items() for w in words]
_CYRILLIC_RE = re.compile("(?<![^\\W\\d_])(?:" + "|".join(sorted((re.escape(w.rstrip()) + ("(?![^\\W\\d_])" if w.endswith(" ") else "")
                                                          for w, _ in _CYRILLIC if w.strip()), key=len, reverse=True)) + ")")
# Searched as written: the full-text index keeps "й" and "ї" apart from "и" and "і".
_CYRILLIC_SEARCHED = [(w.strip().lower(), english) for english, words in _CYRILLIC_GLOSSES.items() for w in words]
_CYRILLIC_ENGLISH: dict[str, str] = {}
for _w, _e in _CYRILLIC:
    _CYRILLIC_ENGLISH[_w.strip()] = f"{_CYRILLIC_ENGLISH.get(_w.strip(), '')} {_e}".strip()

# Ukrainian written in Latin letters, as an English keyboard writes a name from Ukraine: the
# national transliteration (2010), "Галина" Halyna, "Андрій" Andrii, "Львів" Lviv, with the forms
# most people write too ("Бойко" Boiko and Boyko). Russian's own letters ("ы", "э", "ё") as well.
_LATIN = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
          "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
          "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
          "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ё": "io", "ы": "y", "э": "e", "ъ": "", "ʼ": "", "'": "", "’": ""}
_LATIN_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_LATIN_POPULAR = {"й": "y", "є": "ye", "ї": "yi", "ю": "yu", "я": "ya"}
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\u02bc'’]*")
# Capitalised little words that start a sentence: no name ("Він" is no VIN).
_CYRILLIC_GLUE = frozenset("""я ти він вона воно ми ви вони це цей ця ці той та те все всі вся там тут так ні але і й а в у
    з із зі на до по від для про як що коли де чи не ще вже тепер потім мій моя моє мої наш наша наше наші його її їх
    він ось бо або якщо щоб""".split())


@lru_cache(maxsize=4096)
def romanized(text: str) -> tuple[str, ...]:
    """The Latin spellings of the capitalised Cyrillic words of `text` (names, places, firms,
    abbreviations): "Галина Степанівна, ОСББ" -> ["halyna", "stepanivna", "osbb"]."""
    out: list[str] = []
    for m in _CYRILLIC_WORD.finditer(text):
        word = m.group(0)
        if not word[0].isupper() or len(word) < 2 or word.lower() in _CYRILLIC_GLUE:
            continue
        low = word.lower()
        for table in (_LATIN, {**_LATIN, **_LATIN_POPULAR}):
            latin = "".join(_LATIN_FIRST.get(c, table.get(c, c)) if k == 0 else table.get(c, c) for k, c in enumerate(low))
            if latin.isascii() and latin not in out:
                out.append(latin)
        if not _UKRAINIAN_LETTER.search(low):
            out.extend(latin for latin in bulgarian_latin(low) if latin not in out)
    return tuple(out)


# Bulgarian (and Russian) written in Latin letters: "г" is g, "и" i, "ъ" a, "щ" sht, "х" h
# (Bulgaria's 2009 transliteration: Георги Georgi, Слънчице Slanchitse, Явор Yavor), with the
# forms people also write: "j" for "й", "я", "ю" (Боян Bojan) and "-ia" for "-ия" (Мария Maria).
_UKRAINIAN_LETTER = re.compile("[іїєґ]")
_BULGARIAN_LATIN = {**_LATIN, "г": "g", "и": "i", "й": "y", "х": "h", "щ": "sht", "ъ": "a", "ю": "yu", "я": "ya",
                    "ь": "y", "ы": "y", "ё": "yo"}
_BULGARIAN_J = {"й": "j", "ю": "ju", "я": "ja"}


def bulgarian_latin(word: str) -> list[str]:
    """The Latin spellings of a lower-case Cyrillic word as Bulgaria writes it: "мария" ->
    ["mariya", "marija", "maria"]."""
    out: list[str] = []
    for table in (_BULGARIAN_LATIN, {**_BULGARIAN_LATIN, **_BULGARIAN_J}):
        latin = "".join(table.get(c, c) for c in word)
        if latin.isascii() and latin not in out:
            out.append(latin)
    if word.endswith("ия") and out and out[0][:-3] + "ia" not in out:
        out.append(out[0][:-3] + "ia")
    return out


# Hebrew writes the little words "and", "the", "in", "to", "from", "that", "as" as one letter glued
# onto the next word ("ובביטוח", "לפיקנטו", "מהעו"ש"): its everyday words are found at the
# beginning of a word after up to three of those letters. Most are word beginnings ("ביטוח" is
# also "ביטוחים"); one written with a space after it is a whole word ("אח " is brother, not "אחר"
# other). Gershayim and geresh are written as the ASCII quote and apostrophe (׳ ״ are folded).
# Israeli English keeps some words as they are ("arnona", "vaad bayit", "bagrut"): those are glossed too.
_HEBREW_GLOSSES: dict[str, tuple[str, ...]] = {
    "passport": ("דרכון",),
    "identity card id number": ("תעודת זהות", 'ת"ז ', "תז "),
    "driving licence license": ("רישיון נהיגה", "רשיון נהיגה"),
    "vehicle licence registration": ("רישיון רכב", "רישיון הרכב", "רשיון רכב"),
    "licence license": ("רישיון", "רשיון"),
    "test inspection": ("טסט", "מכון הרישוי", "מכון רישוי"),
    "plate registration": ("מספר רישוי", "לוחית"),
    "insurance": ("ביטוח",),
    "compulsory": ("חובה ",),
    "comprehensive": ("מקיף ",),
    "third party": ("צד ג'", "צד ג "),
    "policy": ("פוליסה", "פוליסת"),
    "car vehicle": ("רכב ", "רכבים", "מכונית", "אוטו "),
    "garage mechanic": ("מוסך", "מכונאי"),
    "service": ("טיפול ",),
    "rent": ("שכירות", 'שכ"ד', "שכר דירה", "שכר הדירה"),
    "contract lease": ("חוזה",),
    "landlord landlady": ("בעל הבית", "בעלת הבית", "משכיר"),
    "flat apartment": ("דירה ", "דירת", "הדירה"),
    "home house": ("בית ",),
    "address": ("כתובת",),
    "building committee service charges vaad bayit": ("ועד בית", "ועד הבית", "הוועד", "ועד "),
    "arnona property tax council": ("ארנונה",),
    "municipality city council": ("עירייה", "עיריית", "העירייה"),
    "payer": ("משלם ",),
    "electricity electric": ("חשמל ", "חברת החשמל"),
    "electrician": ("חשמלאי",),
    "water": ("מים ", "תאגיד המים"),
    "gas": ("גז ",),
    "internet fibre fiber": ("אינטרנט", "פייבר", "סיבים"),
    "router": ("ראוטר", "נתב"),
    "network": ("רשת ",),
    "phone number": ("טלפון", "נייד ", "פלאפון", "סלולרי"),
    "phones numbers": ("טלפונים",),
    "number": ("מספר",),
    "alarm": ("אזעקה",),
    "code password": ("קוד ", "קודן", "סיסמה", "סיסמא"),
    "lobby entrance": ("לובי", "כניסה "),
    "parking": ("חניה", "חנייה"),
    "bank": ("בנק ",),
    "account": ("חשבון", 'עו"ש'),
    "bills accounts": ("חשבונות",),
    "branch": ("סניף",),
    "credit card": ("כרטיס אשראי",),
    "card": ("כרטיס",),
    "limit": ("מסגרת",),
    "salary pay": ("משכורת",),
    "standing order direct debit": ("הוראת קבע", "הוראות קבע"),
    "child allowance benefit": ("קצבת ילדים", "קצבה"),
    "national insurance": ("ביטוח לאומי",),
    "customer": ("לקוח",),
    "doctor": ("רופא", 'ד"ר', "דוקטור"),
    "family doctor gp": ("רופאת משפחה", "רופא משפחה"),
    "clinic": ("מרפאה", "מרפאת"),
    "health fund insurance kupat holim": ("קופת חולים", "קופ\"ח"),
    "supplementary": ("משלים ",),
    "hospital": ("בית חולים", 'ביה"ח'),
    "surgery operation": ("ניתוח",),
    "cataract": ("קטרקט",),
    "eye eyes": ("עין ", "עיניים", "העיניים"),
    "dentist": ("רופא שיניים", "רופאת שיניים", "שיניים"),
    "pharmacy": ("בית מרקחת",),
    "allergy": ("אלרגיה", "אלרגי"),
    "blood type": ("סוג דם",),
    "vaccination": ("חיסון",),
    "birthday bday": ("יום הולדת", "יומולדת", "יום ההולדת"),
    "born birth": ("נולד", "לידה"),
    "mother mum mom": ("אמא", "אמי ", "אימא"),
    "father dad": ("אבא ",),
    "grandmother grandma": ("סבתא",),
    "grandfather grandpa": ("סבא ",),
    "brother": ("אח ", "אחי "),
    "sister": ("אחות", "אחותי"),
    "sister-in-law": ("גיסה", "גיסתי"),
    "brother-in-law": ("גיס ", "גיסי "),
    "father-in-law": ("חמי ", "חמא "),
    "mother-in-law": ("חמות",),
    "husband": ("בעלי ",),
    "wife": ("אשתי", "אשתו"),
    "child children kids": ("ילדים", "ילדה ", "ילד "),
    "baby": ("תינוק",),
    "babysitter": ("בייביסיטר", "שמרטף"),
    "neighbour neighbor": ("שכן ", "שכנה", "שכנים"),
    "friend": ("חבר ", "חברה ", "חברים", "חברות "),
    "company": ("חברת",),
    "kindergarten": ("גן ", "גנון", "הגן ", "גני "),
    "kindergarten teacher": ("גננת",),
    "pre-compulsory": ("טרום חובה", "טרום-חובה"),
    "after-school daycare": ("צהרון",),
    "school": ("בית ספר", "בית הספר", 'ביה"ס', "בי\"ס"),
    "class grade": ("כיתה", "כיתת"),
    "homeroom teacher": ("מחנכת", "מחנך ", "חינוך"),
    "teacher": ("מורה", "מורים", "מורות"),
    "coordinator": ("רכזת", "רכז "),
    "substitute": ("ממלאת מקום", "ממלא מקום", "ממלאת את מקומך", "מחליפה", "מחליף "),
    "matriculation exam bagrut": ("בגרות",),
    "exam test": ("בחינה", "מבחן", "בוחן "),
    "lab laboratory": ("מעבדה", "מעבדות", "המעבדה"),
    "parent-teacher meeting": ("אסיפת הורים", "אסיפות הורים"),
    "parents": ("הורים",),
    "meeting": ("פגישה", "אסיפה", "אסיפת", "ישיבה", "ישיבת"),
    "club after-school": ("חוג",),
    "community centre center": ('מתנ"ס', "מתנס"),
    "judo": ("ג'ודו",),
    "ballet": ("בלט ",),
    "coach": ("מאמן", "מאמנת"),
    "pick up": ("אוסף", "אוספת", "לאסוף", "איסוף", "איסופים"),
    "day off free": ("יום חופשי", "היום החופשי", "יום חופש"),
    "sunday": ("ראשון ", "ראשון ושלישי"),
    "monday": ("שני ",),
    "tuesday": ("שלישי ",),
    "wednesday": ("רביעי ",),
    "thursday": ("חמישי ",),
    "friday": ("שישי ",),
    "saturday shabbat": ("שבת ",),
    "work job": ("עבודה", "עובדת", "עובד "),
    "price cost": ("מחיר", "עלות", "עולה "),
    "month monthly": ("חודש", "לחודש", "חודשיים"),
    "year yearly": ("שנה ", "לשנה", "שנתי"),
    "new": ("חדש", "חדשה"),
    "tax": ("מס ", "מס הכנסה"),
    "police": ("משטרה",),
    "ambulance": ('מד"א',),
    "plumber": ("אינסטלטור",),
    "mortgage": ("משכנתא",),
    "loan": ("הלוואה",),
    "valid expiry expires until": ("בתוקף", "תוקף"),
    "renewed renewal": ("חידוש", "חידשתי", "חידשנו", "מתחדש"),
}
_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
_HEBREW = [(w, english) for english, words in _HEBREW_GLOSSES.items() for w in words]
_HEBREW_RE = re.compile("(?<![\u05d0-\u05ea\"'])[ובהלמשכ]{0,3}(" + "|".join(
    re.escape(w.rstrip()) + ("(?![\u05d0-\u05ea])" if w.endswith(" ") else "")
    for w in sorted({w for w, _ in _HEBREW}, key=lambda w: len(w.rstrip()), reverse=True)) + ")")
_HEBREW_ENGLISH: dict[str, str] = {}
for _w, _e in _HEBREW:
    _HEBREW_ENGLISH[_w.rstrip()] = f"{_HEBREW_ENGLISH.get(_w.rstrip(), '')} {_e}".strip()


def _hebrew_folded(text: str) -> str:
    """Hebrew as it is glossed: points (niqqud) left out, gershayim and geresh as ASCII quotes."""
    text = text.replace("\u05f4", '"').replace("\u05f3", "'").replace("\u201d", '"').replace("\u2019", "'")
    return "".join(c for c in text if not "\u0591" <= c <= "\u05c7")


# Vietnamese words are syllables, most of them short and, with their tone marks folded away, the
# same letters as English words ("me" is mother, "bo" father, "vo" wife). They are glossed only
# in a line written in Vietnamese (one holding a letter only Vietnamese uses), as whole syllable
# runs of the folded text.
_VIETNAMESE_GLOSSES: dict[str, tuple[str, ...]] = {
    "passport": ("ho chieu",),
    "identity card id": ("cccd", "can cuoc", "cmnd", "chung minh nhan dan"),
    "tax code": ("ma so thue", "mst"),
    "tax": ("thue thu nhap", "tien thue", "ma so thue"),
    "personal": ("ca nhan",),
    "driving licence": ("bang lai", "giay phep lai xe"),
    "valid expiry expires": ("het han", "gia tri den", "han su dung"),
    "plate registration": ("bien so", "bien kiem soat"),
    "motorbike scooter": ("xe may", "xe tay ga"),
    "car": ("o to", "xe hoi"),
    "insurance": ("bao hiem",),
    "health insurance card": ("bhyt", "bao hiem y te", "the bhyt"),
    "hospital": ("benh vien",),
    "doctor": ("bac si", "bac sy"),
    "dentist dental": ("nha khoa", "nha si"),
    "vaccination booster shot": ("tiem chung", "tiem phong", "mui nhac", "vnvc"),
    "bank": ("ngan hang",),
    "account": ("tai khoan", "so tai khoan", "stk"),
    "salary pay": ("tien luong", "nhan luong", "luong thang"),
    "rent": ("tien nha", "thue nha", "tien thue nha"),
    "deposit": ("tien coc", "dat coc", "coc"),
    "landlord landlady": ("chu nha",),
    "flat apartment": ("can ho", "chung cu"),
    "home house": ("nha",),
    "electricity": ("tien dien", "dien", "evn"),
    "water": ("tien nuoc", "nuoc sach"),
    "internet wifi": ("mang wifi", "mang internet", "cap quang", "mat khau wifi"),
    "code password": ("mat khau", "ma so", "ma pin"),
    "customer number": ("ma khach hang", "ma kh", "so khach hang"),
    "contract": ("hop dong",),
    "parking": ("gui xe", "tien gui xe", "ve gui xe"),
    "school": ("truong hoc", "truong tieu hoc"),
    "kindergarten nursery": ("mam non", "mau giao", "nha tre"),
    "class": ("lop",),
    "teacher": ("co giao", "thay giao", "giao vien", "chu nhiem", "gvcn"),
    "tuition school fees": ("hoc phi",),
    "lunch food meals": ("tien an", "an trua", "bua trua"),
    "pick up": ("don",),
    "birthday": ("sinh nhat",),
    "born birth": ("sinh ngay", "ngay sinh", "khai sinh"),
    "death anniversary memorial": ("ngay gio", "dam gio", "gio ong", "gio ba", "gio bo", "gio me"),
    "lunar": ("am lich",),
    "wedding": ("dam cuoi", "dam hoi"),
    "mother mum mom": ("me",),
    "father dad": ("bo", "cha"),
    "husband": ("chong", "anh xa"),
    "wife": ("vo", "ba xa"),
    "brother": ("anh trai", "em trai"),
    "sister": ("chi gai", "em gai"),
    "son": ("con trai",),
    "daughter": ("con gai",),
    "sister-in-law": ("chi dau", "em dau", "chi chong", "em chong", "chi vo", "em vo"),
    "brother-in-law": ("anh re", "em re", "anh chong", "anh vo"),
    "mother-in-law": ("me chong", "me vo"),
    "father-in-law": ("bo chong", "bo vo", "cha chong"),
    "grandfather grandpa": ("ong noi", "ong ngoai"),
    "grandmother grandma": ("ba noi", "ba ngoai"),
    "nephew niece grandchild": ("chau trai", "chau gai", "chau noi", "chau ngoai"),
    "work job": ("cong viec", "cong ty", "lam viec", "di lam"),
    "company": ("cong ty",),
    "boss manager lead": ("sep", "truong phong", "team lead", "quan ly"),
    "employee number staff": ("ma nhan vien", "ma nv", "msnv"),
    "colleague": ("dong nghiep",),
    "neighbour neighbor": ("hang xom",),
    "phone": ("so dien thoai", "sdt", "dien thoai"),
    "address": ("dia chi",),
    "repair mechanic": ("tho sua", "sua xe", "sua dieu hoa"),
    "air conditioner": ("dieu hoa", "may lanh"),
    "yoga gym": ("yoga", "phong tap", "gym"),
    "book": ("sach",),
    "borrow lend": ("cho muon", "muon sach", "da muon"),
    "price cost fee": ("phi", "chi phi", "gia tien"),
    "bill invoice": ("hoa don",),
    "monthly month": ("hang thang", "moi thang"),
    "monday": ("thu 2", "thu hai"),
    "tuesday": ("thu 3", "thu ba"),
    "wednesday": ("thu 4", "thu tu"),
    "thursday": ("thu 5", "thu nam"),
    "friday": ("thu 6", "thu sau"),
    "saturday": ("thu 7", "thu bay"),
    "sunday": ("chu nhat",),
    "morning": ("buoi sang", "sang thu"),
    "evening": ("buoi toi", "toi thu"),
    "afternoon": ("buoi chieu", "chieu thu"),
}
# Letters Vietnamese writes and the other Latin-script languages here do not.
_VIETNAMESE_LETTER = re.compile("[ơưđăƠƯĐĂ\u1ea0-\u1ef9]")
_VIETNAMESE = re.compile("(?<![a-z0-9])(?:" + "|".join(map(re.escape, sorted(
    {w for words in _VIETNAMESE_GLOSSES.values() for w in words}, key=len, reverse=True))) + ")(?![a-z0-9])")
_VIETNAMESE_ENGLISH: dict[str, str] = {}
for _english, _words in _VIETNAMESE_GLOSSES.items():
    for _w in _words:
        _VIETNAMESE_ENGLISH[_w] = f"{_VIETNAMESE_ENGLISH.get(_w, '')} {_english}".strip()


_ENTRIES = [(fold(p), english) for english, prefixes in _GLOSSES.items() for p in prefixes]
# Short beginnings match at the start of a word; one written with a space after it is a whole
# word. A beginning of six letters or more also matches inside a word, as German, Dutch and the
# Nordic languages compound them ("Hausratversicherung", "Folktandvården", "Winterreifen").
_BY_FIRST: dict[str, list[tuple[str, str]]] = {}
_INSIDE: dict[str, str] = {}
for _p, _e in _ENTRIES:
    if len(_p) >= 6 and " " not in _p and _p.isalpha():
        _INSIDE[_p] = f"{_INSIDE.get(_p, '')} {_e}".strip()
    else:
        _BY_FIRST.setdefault(_p[:4], []).append((_p, _e))
_INSIDE_RE = re.compile("|".join(sorted(map(re.escape, _INSIDE), key=len, reverse=True)))


_SAMOAN_PARENTS = {"tinā": "mother mum mom", "tamā": "father dad"}
_SAMOAN_PARENT = re.compile(r"(?<!\w)((?i:tinā|tamā))(?!\w)")


@lru_cache(maxsize=4096)
def english_for(text: str) -> frozenset[str]:
    """English words glossing the foreign everyday words in `text` ("Paszport: EL5550182" ->
    {"passport"}). Cached: the reader asks it of the same statement for coverage, for each
    version check and for what the statement speaks of."""
    low = fold(text) + " "
    found: set[str] = set()
    if "ā" in text or "Ā" in text:
        # Samoan "Tinā" (mother) and "Tamā" (father) by their macron: folded they are the names Tina and Tama.
        for m in _SAMOAN_PARENT.finditer(text):
            found.update(_SAMOAN_PARENTS[m.group(1).lower()].split())
    if any("\uac00" <= c <= "\ud7a3" for c in text):
        for word, english in _HANGUL:
            if word in text:
                found.update(english.split())
    if any("\u0e00" <= c <= "\u0e7f" for c in text):
        for word, english in _THAI:
            if word in text:
                found.update(english.split())
    if any("\u0370" <= c <= "\u03ff" for c in text):
        for m in _GREEK_RE.finditer(low):
            found.update(_GREEK_ENGLISH[m.group(0)].split())
    if any("\u0400" <= c <= "\u04ff" for c in text):
        for m in _CYRILLIC_RE.finditer(low):
            found.update(_CYRILLIC_ENGLISH[m.group(0).strip()].split())
        found.update(romanized(text))
    if _HEBREW_LETTER.search(text):
        for m in _HEBREW_RE.finditer(_hebrew_folded(text)):
            found.update(_HEBREW_ENGLISH[m.group(1)].split())
    if _VIETNAMESE_LETTER.search(text):
        for m in _VIETNAMESE.finditer(low):
            found.update(_VIETNAMESE_ENGLISH[m.group(0)].split())
    if _NORDIC_LETTER.search(text) or _KIN_LABEL.match(low):
        for m in _NORDIC_WORD.finditer(low):
            found.update(_NORDIC_ONLY[m.group(1)].split())
    if _LITHUANIAN_LETTER.search(text):
        for m in _LITHUANIAN_WORD.finditer(low):
            found.update(_LITHUANIAN_ONLY[m.group(1)].split())
    for m in _INSIDE_RE.finditer(low):
        found.update(_INSIDE[m.group(0)].split())
    for m in re.finditer(r"(?<![\w'])[a-z]", low):
        for prefix, english in _BY_FIRST.get(low[m.start():m.start() + 4], ()):
            core = prefix.rstrip()
            # A prefix written with a space after it is a whole word ("prad " is "Prąd:", not "Prada").
            if low.startswith(core, m.start()) and (core == prefix or not low[m.start() + len(core)].isalnum()):
                found.update(english.split())
    if re.search(r"[^\W\d_]-[^\W\d_]", text):
        # A key written with a hyphen for its space (Logseq's "groupe-sanguin:: A positif").
        found |= english_for(re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", text))
    return frozenset(found)


_ENGLISH: dict[str, set[str]] = {}
# A Vietnamese phrase is searched by its longest syllable, unless that is "tien" (money), in every line of a budget.
for _p, _e in _ENTRIES + _HANGUL + _THAI + _GREEK + _CYRILLIC_SEARCHED + _HEBREW + [(w, e) for w, e in _VIETNAMESE_ENGLISH.items()
                                    if max(map(len, w.split())) >= 4 and max(w.split(), key=len) != "tien"]:
    for _w in _e.split():
        _ENGLISH.setdefault(_w, set()).add(_p.strip())


# Words of time and change: glossed for the reader, never added to a search (every line of a
# Polish diary says "dzień"); nor the words every kind of paperwork shares.
_NOT_SEARCHED = {"day", "daily", "month", "monthly", "year", "yearly", "week", "weekly", "was", "previously", "new",
                 # words of every kind of paperwork: searched for, "number" would bring every
                 # "Kundennummer" and "Vertragsnummer" of a German folder before the line asked for
                 "number", "cost", "price", "fee", "card", "change", "group", "due", "valid", "expiry", "expires",
                 "payment", "advance", "lead", "boss", "manager", "protection", "legal", "contents", "household", "health"}


def compound_parts(words: list[str]) -> list[str]:
    """The last part of a compound made of glossed words, for a keyword search: German, Dutch and
    the Nordic languages write "Nebenkostenvorauszahlung" where a later line says "Vorauszahlung"."""
    out: list[str] = []
    for w in words:
        low = fold(w)
        for m in _INSIDE_RE.finditer(low):
            if m.start() >= 4 and m.start() + 5 <= len(low) and low[m.start():] not in out:
                out.append(low[m.start():])
    return out


def foreign_for(words: list[str]) -> list[str]:
    """The foreign words that mean any of these English words, for a keyword search: "passport"
    -> ["cestovni", "pasaporte", "paspoort", ...] (a phrase by its longest word)."""
    out: list[str] = []
    for w in words:
        if w.lower() in _NOT_SEARCHED:
            continue
        for p in sorted(_ENGLISH.get(w.lower(), ())):
            word = max(p.replace("'", " ").split(), key=len)
            if (len(word) >= 4 or "\uac00" <= word[0] <= "\ud7a3" or "\u05d0" <= word[0] <= "\u05ea" and len(word) >= 3) and word not in out:
                out.append(word)
    return out


# A name asked in Latin letters ("Eitan", "Sigal") and written in Hebrew in the notes ("איתן",
# "סיגל"): Hebrew writes its consonants and only some vowels (א ע at a word's start, י ו inside, ה
# or א at its end), so the Latin spelling gives a few Hebrew ones and the notes say which exist.
_HEBREW_UNITS = [  # Latin letters -> Hebrew letters they may be written with, longest first
    ("sh", ("ש",)), ("ch", ("ח", "כ")), ("kh", ("ח", "כ")), ("tz", ("צ",)), ("ts", ("צ",)), ("ph", ("פ",)),
    ("th", ("ת",)), ("zh", ("ז'",)), ("b", ("ב",)), ("v", ("ב", "ו")), ("g", ("ג", "ג'")), ("j", ("ג'",)), ("d", ("ד",)),
    ("h", ("ה", "ח")), ("z", ("ז",)), ("t", ("ת", "ט")), ("y", ("י",)), ("k", ("ק", "כ")), ("c", ("ק", "כ", "ס")),
    ("l", ("ל",)), ("m", ("מ",)), ("n", ("נ",)), ("s", ("ס", "ש")), ("p", ("פ",)), ("f", ("פ",)), ("r", ("ר",)),
    ("q", ("ק",)), ("w", ("ו",)), ("x", ("קס",)),
]
_HEBREW_VOWELS = {  # (at the start, inside, at the end)
    "ei": (("אי",), ("י", ""), ("אי", "י")), "ey": (("אי",), ("י",), ("אי", "י")), "ai": (("אי",), ("י", "אי"), ("אי", "י")),
    "ay": (("אי",), ("י", "אי"), ("אי", "י")), "eu": (("או",), ("או", "ו"), ("או",)), "oi": (("אוי",), ("וי",), ("וי",)),
    "a": (("א", "ע"), ("", "א"), ("ה", "א")), "e": (("א", "ע"), ("", "י"), ("ה", "י", "")),
    "i": (("אי", "א"), ("י", ""), ("י",)), "o": (("או", "עו"), ("ו", ""), ("ו",)), "u": (("או",), ("ו",), ("ו",)),
}
_FINAL_FORM = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}
_MAX_SPELLINGS = 64


def hebrew_spellings(name: str) -> list[str]:
    """The ways a Latin-letter name may be written in Hebrew, without vowel points: "Tamar" ->
    ["תמר", "תמאר", "טמר", ...]; [] for anything but one word of Latin letters (or too many ways)."""
    low = fold(name).lower()
    if not re.fullmatch(r"[a-z]{2,15}", low):
        return []
    low = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", low)  # "Yossi" is written with one ס
    units: list[tuple[str, ...]] = []
    k = 0
    after_vowel = False
    while k < len(low):
        vowel = next((v for v in sorted(_HEBREW_VOWELS, key=len, reverse=True) if low.startswith(v, k)), None)
        if vowel:
            start, inside, end = _HEBREW_VOWELS[vowel]
            options = start if k == 0 else end if k + len(vowel) == len(low) else inside
            if after_vowel:  # a vowel after a vowel ("Noam", "Yael") is carried by א or ע
                options = tuple(dict.fromkeys(("א", "ע") + tuple(o for o in options if o)))
            units.append(options)
            k += len(vowel)
            after_vowel = True
            continue
        after_vowel = False
        unit, letters = next(((u, ls) for u, ls in _HEBREW_UNITS if low.startswith(u, k)), (low[k], ()))
        if not letters:
            return []
        units.append(letters)
        k += len(unit)
    spellings = [""]
    for options in units:
        spellings = [s + o for s in spellings for o in options]
        if len(spellings) > _MAX_SPELLINGS:
            return []
    out = []
    for s in spellings:
        if len(s) >= 2:
            s = s[:-1] + _FINAL_FORM.get(s[-1], s[-1]) if not s.endswith("'") else s
            if s not in out:
                out.append(s)
    return out


def hebrew_forms(spellings: list[str], text: str) -> list[str]:
    """The words of `text` that are one of these spellings, bare or after the one-letter words
    Hebrew glues on ("לאיתן", "ואיתן"), as the text writes them."""
    if not spellings or not _HEBREW_LETTER.search(text):
        return []
    want = set(spellings)
    out = []
    for m in re.finditer(r"[\u05d0-\u05ea][\u05d0-\u05ea'\u05f3]*", _hebrew_folded(text)):
        word = m.group(0)
        for k in range(0, min(3, len(word) - 2) + 1):
            if word[k:] in want and (k == 0 or all(c in "ובהלמשכ" for c in word[:k])):
                if word not in out:
                    out.append(word)
                break
    return out
