window.YTD.direct_messages.part0 = [
  {
    "dmConversation": {
      "conversationId": "1442907716-1587334021",
      "messages": [
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "može",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000087112421",
            "createdAt": "2026-11-18T18:06:31.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1587334021",
            "reactions": [],
            "urls": [],
            "text": "kupi kruh i mlijeko kad ideš po Lanu",
            "mediaUrls": [],
            "senderId": "1442907716",
            "id": "1855201000079193110",
            "createdAt": "2026-11-18T18:05:50.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1587334021",
            "reactions": [],
            "urls": [],
            "text": "👍 a za Clio ostavljamo Allianz do ljeta",
            "mediaUrls": [],
            "senderId": "1442907716",
            "id": "1855201000071273799",
            "createdAt": "2026-11-15T09:30:12.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "Prebacila sam AO za Octaviju na Wiener osiguranje, polica 40-1772-0913, jeftinije 40 eura",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000063354488",
            "createdAt": "2026-11-15T09:27:36.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "Stigla nova putovnica (stara se oštetila na moru), broj 118930461, vrijedi do 11. 11. 2036.",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000055435177",
            "createdAt": "2026-11-12T16:48:02.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "dr. Perić ide u mirovinu. Od 1. 12. nam je nova obiteljska liječnica dr. Nives Bašić, ista ordinacija",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000047515866",
            "createdAt": "2026-11-10T12:15:27.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1587334021",
            "reactions": [],
            "urls": [],
            "text": "još bolje, onda ne gubimo cijeli tjedan vrtića prije praznika",
            "mediaUrls": [],
            "senderId": "1442907716",
            "id": "1855201000039596555",
            "createdAt": "2026-11-07T10:04:40.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "Vila Zala nam je pomaknula termin: sad je 27. 1. - 1. 2. 2027., akontacija ostaje",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000031677244",
            "createdAt": "2026-11-07T10:02:11.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1587334021",
            "reactions": [],
            "urls": [],
            "text": "Šimićka se odselila. Novi predstavnik stanara je gosp. Mladen Kos, 095 555 8810 (2. kat)",
            "mediaUrls": [],
            "senderId": "1442907716",
            "id": "1855201000023757933",
            "createdAt": "2026-11-05T19:31:55.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "Lovrić mi je prebacio kontrolu na 16. 12. u 17:30, 9. 12. ima seminar",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000015838622",
            "createdAt": "2026-11-04T08:45:19.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1442907716",
            "reactions": [],
            "urls": [],
            "text": "ok, sutra se upoznam s njom kad ga vodim",
            "mediaUrls": [],
            "senderId": "1587334021",
            "id": "1855201000007919311",
            "createdAt": "2026-11-02T17:20:03.000Z"
          }
        },
        {
          "messageCreate": {
            "recipientId": "1587334021",
            "reactions": [],
            "urls": [],
            "text": "Teta Maja je otišla iz vrtića, Luka od danas ima novu tetu, teta Ivona. Kaže da je super 🙂",
            "mediaUrls": [],
            "senderId": "1442907716",
            "id": "1855201000000000000",
            "createdAt": "2026-11-02T17:12:40.000Z"
          }
        }
      ]
    }
  }
]