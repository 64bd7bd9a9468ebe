import { headers } from "next/headers";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { setLocaleAction } from "@/lib/auth/actions";
import { LANGUAGE_NAMES, LOCALES } from "@/i18n/locales";


/** Works without JavaScript: a plain form posting to a server action. */
export async function LocaleSwitch() {
  const t = await getTranslations("layout");
  const locale = await getLocale();
  const returnTo = (await headers()).get("x-page-path") ?? "/";
  return (
    <form action={setLocaleAction} className="flex items-center gap-2">
      <input type="hidden" name="returnTo" value={returnTo} />
      <label htmlFor="locale-switch" className="text-sm">
        {t("language")}
      </label>
      <select id="locale-switch" name="locale" defaultValue={locale} className="rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900">
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 hover:bg-slate-100">
        {t("apply")}
      </button>
    </form>
  );
}
