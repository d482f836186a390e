using System.Security.Cryptography;
using System.Text;

namespace MediaAnalysis.Web;

// The page's only style and script, inline and allowed by their hashes in the Content-Security-Policy: nothing
// else runs or styles the page, and nothing is loaded from anywhere (connect-src 'self' for the live updates).
public static class PageAssets
{
    public const string Style = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1f;--muted:#5b5b66;--card:#f6f6f8;--line:#d9d9e0;--accent:#0b57d0;--bad:#b3261e;--mark:#fff3b0}
        @media (prefers-color-scheme:dark){:root{--bg:#121316;--fg:#e6e6ea;--muted:#a4a4b0;--card:#1d1e23;--line:#34353d;--accent:#8ab4f8;--bad:#f2b8b5;--mark:#5c4d00}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK JP",sans-serif}
        a{color:var(--accent)}
        :focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem;z-index:2}
        header,main,footer{max-width:1400px;margin:0 auto;padding:1rem 1.25rem}
        header h1{margin:0 0 .5rem;font-size:1.5rem;overflow-wrap:anywhere}
        dl.facts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0;color:var(--muted)}
        dl.facts div{display:flex;gap:.4rem}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
        .note{color:var(--bad)}
        h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
        article.cell{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;min-width:0}
        article.cell h3{margin:0;font-size:1rem;overflow-wrap:anywhere}
        .meta{color:var(--muted);font-size:.875rem;margin:.25rem 0 .5rem}
        .bar{display:flex;justify-content:space-between;align-items:start;gap:.5rem}
        button{font:inherit;font-size:.875rem;padding:.25rem .75rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);cursor:pointer}
        .answer{overflow-wrap:anywhere}.answer h4,.answer h5,.answer h6{font-size:1rem;margin:1rem 0 .25rem}
        .answer blockquote{margin:.5rem 0;padding:.1rem .75rem;border-left:3px solid var(--line);color:var(--muted)}
        .answer pre{overflow-x:auto;background:var(--bg);padding:.5rem;border-radius:6px}
        .answer .table{overflow-x:auto}.answer table{border-collapse:collapse}.answer th,.answer td{border:1px solid var(--line);padding:.25rem .5rem}
        .verdict h3{font-size:1rem;margin:1rem 0 .25rem}.verdict ul{padding-left:1.25rem;margin-top:.25rem}.verdict li{margin:.2rem 0;overflow-wrap:anywhere}.verdict .model{font-weight:600}
        article.qa{border-left:3px solid var(--line);padding:.1rem 0 .1rem 1rem;margin:0 0 1rem}article.qa h3{margin:0 0 .25rem;font-size:1rem;overflow-wrap:anywhere}
        .failed{color:var(--bad)}.waiting{color:var(--muted);font-style:italic}
        .search{display:flex;gap:.5rem;align-items:center;margin-bottom:.75rem}
        .search input{font:inherit;padding:.35rem .5rem;min-width:0;flex:1;max-width:28rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
        .para{margin:0 0 .6rem;scroll-margin-top:1rem;padding:.15rem .35rem;border-radius:4px}
        .para:target{background:var(--mark)}
        .para .time{font-variant-numeric:tabular-nums;margin-right:.4rem}.para .who{font-weight:600;margin-right:.4rem}
        .plain{white-space:pre-wrap}
        footer{color:var(--muted);font-size:.875rem}
        @media (max-width:40rem){header,main,footer{padding:.75rem}.grid{grid-template-columns:1fr}}
        @media print{.search,.copy,.skip,#live{display:none}.grid{display:block}article.cell{break-inside:avoid;border:1px solid #999;margin-bottom:.75rem;background:none}body{background:#fff;color:#000}a{color:#000}}
        """;

    public const string Script = """
        (() => {
          const q = document.getElementById('q');
          const paras = Array.from(document.querySelectorAll('.para'));
          const count = document.getElementById('count');
          const filter = () => {
            const term = q.value.trim().toLowerCase();
            let shown = 0;
            for (const p of paras) { const hit = !term || p.textContent.toLowerCase().includes(term); p.hidden = !hit; if (hit) shown++; }
            count.textContent = term ? shown + ' of ' + paras.length + ' paragraphs' : '';
          };
          if (q) q.addEventListener('input', filter);
          const live = document.getElementById('live');
          document.addEventListener('click', async (e) => {
            const cite = e.target.closest('a.cite');
            if (cite && q && q.value) { q.value = ''; filter(); }
            const button = e.target.closest('button.copy');
            if (!button) return;
            const text = document.getElementById(button.dataset.for).innerText;
            try { await navigator.clipboard.writeText(text); }
            catch { const area = document.createElement('textarea'); area.value = text; document.body.append(area); area.select(); document.execCommand('copy'); area.remove(); }
            button.firstChild.textContent = 'Copied'; live.textContent = 'Answer copied.';
            setTimeout(() => { button.firstChild.textContent = 'Copy'; }, 2000);
          });
          const stateUrl = document.body.dataset.state;
          if (!stateUrl) return;
          const poll = async () => {
            let next = true;
            try {
              const r = await fetch(stateUrl, { cache: 'no-store', credentials: 'omit' });
              if (r.status === 404) { next = false; }
              else if (r.ok) {
                const s = await r.json();
                for (const c of s.cells) {
                  const el = document.getElementById(c.id);
                  if (el && el.dataset.done !== '1') { el.outerHTML = c.html; }
                }
                if (s.verdict && !document.getElementById('verdict')) { document.getElementById('answers').insertAdjacentHTML('afterend', s.verdict); }
                if (s.transcript && !document.body.dataset.transcript) { location.reload(); return; }
                document.getElementById('state').textContent = s.state;
                if (s.finished) { next = false; live.textContent = 'All answers are in.'; }
              }
            } catch { }
            if (next) setTimeout(poll, 3000);
          };
          setTimeout(poll, 3000);
        })();
        """;

    public static readonly string StyleHash = Sha(Style);

    public static readonly string ScriptHash = Sha(Script);

    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src '{StyleHash}'; script-src '{ScriptHash}'; connect-src 'self'; img-src 'none'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Sha(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
