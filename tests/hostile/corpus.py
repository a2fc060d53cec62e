"""Hostile input: what an attacker (or an unlucky copy-paste) puts in a text field or a file name.
Every form and API write takes these; none may cause a 5xx or put a script in a page."""

MARKDOWN = [
    "<script>alert('xss')</script>",
    "[clic](javascript:alert(1))",
    "![img](x onerror=alert(1))",
    '<img src=x onerror="alert(1)">',
    "<a href='javascript:alert(1)'>enlace</a>",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg/onload=alert(1)>",
    "<iframe src='https://evil.example'></iframe>",
    "**negrita** _cursiva_ `código` <style>body{display:none}</style>",
    "> cita\n>> anidada\n" * 50,
    "[" * 500 + "x" + "]" * 500,
    "*" * 5000,
    "```\n<script>alert(1)</script>\n```",
    "<<script>script>alert(1)<</script>/script>",
    '"><script>alert(document.cookie)</script>',
]
UNICODE = [
    "Bucaramanga \u202eelbisivni\u202c texto",  # right-to-left override
    "cero\u200bancho\u200d\ufeff",
    "🏛️🇨🇴 Alcaldía — «corrupción» ñandú",
    "Z̵̢̛a̸l̷g̴o̶" * 20,
    "\ud7ff\ue000\uffff",
    "line\r\nbreak\rcarriage\x0bvertical\x0cfeed",
    "\x00nul",
]
FILE_NAMES = [
    "../../etc/passwd.pdf",
    "..\\..\\windows\\system32.pdf",
    "<script>alert(1)</script>.pdf",
    "acta\x00.exe.pdf",
    "a" * 1000 + ".pdf",
    "\u202egpj.exe.pdf",
    "nombre con espacios y ñ «comillas».pdf",
    ".pdf",
]
HUGE = ["x" * 1_000_000, "palabra " * 100_000]

TEXTS = MARKDOWN + UNICODE + HUGE
