"""Major cities of the partners' time zones, in English and Chinese, with their country.

The zone picker finds a zone by any of these names ("New York", "纽约", "United
States", "美国"), and the time-slot finder takes a zone's country for its public
holidays. A zone not listed here is still found by its own name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Place:
    zone: str
    city_en: str
    city_zh: str
    country_en: str
    country_zh: str
    country_code: str  # ISO 3166 alpha-2, as the holidays package names countries

    @property
    def label(self) -> str:
        return f"{self.city_en} {self.city_zh}, {self.country_en} {self.country_zh}"


# zone, city, 城市, country, 国家, code
_PLACES = """\
Asia/Shanghai|Shanghai|上海|China|中国|CN
Asia/Shanghai|Beijing|北京|China|中国|CN
Asia/Hong_Kong|Hong Kong|香港|Hong Kong, China|中国香港|HK
Asia/Macau|Macau|澳门|Macau, China|中国澳门|MO
Asia/Taipei|Taipei|台北|Taiwan, China|中国台湾|TW
Asia/Tokyo|Tokyo|东京|Japan|日本|JP
Asia/Tokyo|Kyoto|京都|Japan|日本|JP
Asia/Tokyo|Osaka|大阪|Japan|日本|JP
Asia/Seoul|Seoul|首尔|South Korea|韩国|KR
Asia/Singapore|Singapore|新加坡|Singapore|新加坡|SG
Asia/Kuala_Lumpur|Kuala Lumpur|吉隆坡|Malaysia|马来西亚|MY
Asia/Bangkok|Bangkok|曼谷|Thailand|泰国|TH
Asia/Jakarta|Jakarta|雅加达|Indonesia|印度尼西亚|ID
Asia/Manila|Manila|马尼拉|Philippines|菲律宾|PH
Asia/Ho_Chi_Minh|Ho Chi Minh City|胡志明市|Vietnam|越南|VN
Asia/Kolkata|New Delhi|新德里|India|印度|IN
Asia/Kolkata|Mumbai|孟买|India|印度|IN
Asia/Dubai|Dubai|迪拜|United Arab Emirates|阿联酋|AE
Asia/Qatar|Doha|多哈|Qatar|卡塔尔|QA
Asia/Riyadh|Riyadh|利雅得|Saudi Arabia|沙特阿拉伯|SA
Asia/Jerusalem|Jerusalem|耶路撒冷|Israel|以色列|IL
Asia/Almaty|Almaty|阿拉木图|Kazakhstan|哈萨克斯坦|KZ
Europe/Istanbul|Istanbul|伊斯坦布尔|Turkey|土耳其|TR
Europe/Moscow|Moscow|莫斯科|Russia|俄罗斯|RU
Europe/London|London|伦敦|United Kingdom|英国|GB
Europe/London|Leeds|利兹|United Kingdom|英国|GB
Europe/London|Manchester|曼彻斯特|United Kingdom|英国|GB
Europe/London|Edinburgh|爱丁堡|United Kingdom|英国|GB
Europe/London|Oxford|牛津|United Kingdom|英国|GB
Europe/London|Cambridge|剑桥|United Kingdom|英国|GB
Europe/Dublin|Dublin|都柏林|Ireland|爱尔兰|IE
Europe/Paris|Paris|巴黎|France|法国|FR
Europe/Paris|Lyon|里昂|France|法国|FR
Europe/Berlin|Berlin|柏林|Germany|德国|DE
Europe/Berlin|Munich|慕尼黑|Germany|德国|DE
Europe/Berlin|Heidelberg|海德堡|Germany|德国|DE
Europe/Amsterdam|Amsterdam|阿姆斯特丹|Netherlands|荷兰|NL
Europe/Brussels|Brussels|布鲁塞尔|Belgium|比利时|BE
Europe/Zurich|Zurich|苏黎世|Switzerland|瑞士|CH
Europe/Zurich|Geneva|日内瓦|Switzerland|瑞士|CH
Europe/Vienna|Vienna|维也纳|Austria|奥地利|AT
Europe/Rome|Rome|罗马|Italy|意大利|IT
Europe/Rome|Milan|米兰|Italy|意大利|IT
Europe/Madrid|Madrid|马德里|Spain|西班牙|ES
Europe/Madrid|Barcelona|巴塞罗那|Spain|西班牙|ES
Europe/Lisbon|Lisbon|里斯本|Portugal|葡萄牙|PT
Europe/Stockholm|Stockholm|斯德哥尔摩|Sweden|瑞典|SE
Europe/Copenhagen|Copenhagen|哥本哈根|Denmark|丹麦|DK
Europe/Oslo|Oslo|奥斯陆|Norway|挪威|NO
Europe/Helsinki|Helsinki|赫尔辛基|Finland|芬兰|FI
Europe/Warsaw|Warsaw|华沙|Poland|波兰|PL
Europe/Prague|Prague|布拉格|Czech Republic|捷克|CZ
Europe/Budapest|Budapest|布达佩斯|Hungary|匈牙利|HU
Europe/Athens|Athens|雅典|Greece|希腊|GR
America/New_York|New York|纽约|United States|美国|US
America/New_York|Boston|波士顿|United States|美国|US
America/New_York|Philadelphia|费城|United States|美国|US
America/New_York|Washington|华盛顿|United States|美国|US
America/New_York|Atlanta|亚特兰大|United States|美国|US
America/Detroit|Ann Arbor|安娜堡|United States|美国|US
America/Chicago|Chicago|芝加哥|United States|美国|US
America/Chicago|Houston|休斯敦|United States|美国|US
America/Denver|Denver|丹佛|United States|美国|US
America/Phoenix|Phoenix|菲尼克斯|United States|美国|US
America/Los_Angeles|Los Angeles|洛杉矶|United States|美国|US
America/Los_Angeles|San Francisco|旧金山|United States|美国|US
America/Los_Angeles|Berkeley|伯克利|United States|美国|US
America/Los_Angeles|Stanford|斯坦福|United States|美国|US
America/Los_Angeles|Seattle|西雅图|United States|美国|US
Pacific/Honolulu|Honolulu|檀香山|United States|美国|US
America/Toronto|Toronto|多伦多|Canada|加拿大|CA
America/Toronto|Montreal|蒙特利尔|Canada|加拿大|CA
America/Toronto|Ottawa|渥太华|Canada|加拿大|CA
America/Vancouver|Vancouver|温哥华|Canada|加拿大|CA
America/Edmonton|Edmonton|埃德蒙顿|Canada|加拿大|CA
America/Mexico_City|Mexico City|墨西哥城|Mexico|墨西哥|MX
America/Sao_Paulo|São Paulo|圣保罗|Brazil|巴西|BR
America/Sao_Paulo|Rio de Janeiro|里约热内卢|Brazil|巴西|BR
America/Argentina/Buenos_Aires|Buenos Aires|布宜诺斯艾利斯|Argentina|阿根廷|AR
America/Santiago|Santiago|圣地亚哥|Chile|智利|CL
America/Bogota|Bogotá|波哥大|Colombia|哥伦比亚|CO
America/Lima|Lima|利马|Peru|秘鲁|PE
Australia/Sydney|Sydney|悉尼|Australia|澳大利亚|AU
Australia/Sydney|Canberra|堪培拉|Australia|澳大利亚|AU
Australia/Melbourne|Melbourne|墨尔本|Australia|澳大利亚|AU
Australia/Brisbane|Brisbane|布里斯班|Australia|澳大利亚|AU
Australia/Adelaide|Adelaide|阿德莱德|Australia|澳大利亚|AU
Australia/Perth|Perth|珀斯|Australia|澳大利亚|AU
Pacific/Auckland|Auckland|奥克兰|New Zealand|新西兰|NZ
Pacific/Auckland|Wellington|惠灵顿|New Zealand|新西兰|NZ
Africa/Johannesburg|Johannesburg|约翰内斯堡|South Africa|南非|ZA
Africa/Johannesburg|Cape Town|开普敦|South Africa|南非|ZA
Africa/Cairo|Cairo|开罗|Egypt|埃及|EG
Africa/Nairobi|Nairobi|内罗毕|Kenya|肯尼亚|KE
Africa/Lagos|Lagos|拉各斯|Nigeria|尼日利亚|NG
Africa/Casablanca|Casablanca|卡萨布兰卡|Morocco|摩洛哥|MA
"""


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    return tuple(Place(*line.split("|")) for line in _PLACES.splitlines() if line.strip())


def places_in(zone: str) -> list[Place]:
    return [place for place in places() if place.zone == zone]


def search_text(zone: str) -> str:
    """What the picker shows after a zone: its cities and country in both languages."""
    found = places_in(zone)
    if not found:
        return ""
    cities = ", ".join(f"{p.city_en} {p.city_zh}" for p in found)
    return f"{cities} · {found[0].country_en} {found[0].country_zh}"


def country_of_zone(zone: str) -> str | None:
    """The ISO country code of a zone's cities, or None for a zone not listed."""
    found = places_in(zone)
    return found[0].country_code if found else None


_ALIASES = {"usa": "US", "us": "US", "uk": "GB", "england": "GB", "scotland": "GB", "korea": "KR",
            "republic of korea": "KR", "the netherlands": "NL", "holland": "NL", "uae": "AE", "hong kong": "HK"}


def country_code(country: str, zone: str = "") -> str | None:
    """A partner's country as an ISO code: from its name (English or Chinese) or, failing that, its zone."""
    key = " ".join(country.split()).casefold()
    if key:
        if key in _ALIASES:
            return _ALIASES[key]
        for place in places():
            if key in (place.country_en.casefold(), place.country_zh, place.country_code.casefold()):
                return place.country_code
    return country_of_zone(zone) if zone else None
