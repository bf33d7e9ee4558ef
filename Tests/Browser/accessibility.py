#!/usr/bin/env python3
"""Every page of Signaal in headless Chromium, checked with axe-core: no serious or critical violation.

Starts a real `signaal serve` on a throwaway embedded PostgreSQL, fills in the form as a practitioner would (so the
receipt, the tracking page and the form with its error messages are real pages), publishes a brief with the real
`signaal brief` command, and runs axe-core (shipped inside the axe-selenium-python package: nothing is downloaded)
on each page. Then a coordinator made with `signaal staff create` sets a password through the link, signs in with
the keyboard alone, triages the practitioner's signal, and the tracking page shows it; every workspace page is
checked on the way; the coordinator makes and presents a dossier and publishes a reviewed brief; and an admin's accounts
page is checked too. Selenium uses Debian's chromedriver; Selenium Manager is
never asked for a driver.

Usage: Tests/Browser/accessibility.py PATH/TO/signaal
Prints one line per page and ends with 'N passed, M failed'; exits non-zero when a page fails.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

os.environ["SE_AVOID_STATS"] = "true"
FIXED_NOW = "2026-11-25T10:00:00Z"
BLOCKING = {"serious", "critical"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_ready(base, daemon, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if daemon.poll() is not None:
            raise SystemExit(f"signaal serve exited with {daemon.returncode}")
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("signaal serve did not become ready")


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def check(driver, name):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    blocking = [v for v in results["violations"] if v.get("impact") in BLOCKING]
    if blocking:
        print(f"FAIL {name}: " + "; ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes)" for v in blocking))
        for violation in blocking:
            for node in violation["nodes"][:3]:
                print(f"     {violation['id']}: {node.get('html', '')[:160]}")
        return False
    print(f"ok   {name} ({len(results['passes'])} rules pass, {len(results['violations'])} minor findings)")
    return True


PASSWORD = "een lange zin als wachtwoord"


def submit(driver, element, *keys):
    """Types `keys` into `element` (the last usually Enter) and waits for the page that answers."""
    before = driver.find_element(By.TAG_NAME, "html")
    element.send_keys(*keys)
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.TAG_NAME, "html") != before)


def staff_link(binary, environment, work, arguments):
    """Creates an account with `signaal staff create` and returns its one-time password link."""
    created = subprocess.run(
        [binary, "staff", "create", *arguments], env=environment, cwd=work, capture_output=True, text=True, timeout=120)
    if created.returncode != 0:
        raise SystemExit("signaal staff create failed: " + created.stderr[-2000:])
    return re.search(r"(http\S+/werkruimte/wachtwoord/[a-z2-7]{32})", created.stdout).group(1)


def set_password_and_sign_in(driver, link, email, results, name):
    """Sets the password through the link and signs in, with the keyboard alone."""
    driver.get(link)
    results.append(check(driver, f"the password link /werkruimte/wachtwoord/… ({name})"))
    submit(driver, driver.find_element(By.ID, "wachtwoord"), PASSWORD, Keys.TAB, PASSWORD, Keys.ENTER)
    if "gedaan=wachtwoord" not in driver.current_url:
        raise SystemExit(f"setting the password did not lead to the sign-in page: {driver.current_url}")
    results.append(check(driver, f"the sign-in page /werkruimte/aanmelden ({name})"))
    submit(driver, driver.find_element(By.ID, "email"), email, Keys.TAB, PASSWORD, Keys.ENTER)


def dossier_and_brief(driver, base, binary, environment, work, signal_id, results):
    """The coordinator makes a dossier of the signal, presents it, and publishes the reviewed monthly brief."""
    driver.get(base + "/werkruimte/problemen")
    results.append(check(driver, "the recurring problems /werkruimte/problemen"))
    driver.get(base + "/werkruimte/dossiers")
    results.append(check(driver, "the dossiers /werkruimte/dossiers"))
    driver.find_element(By.ID, "titel").send_keys("Budgetmeters sluiten af in de winter")
    submit(driver, driver.find_element(By.ID, "signalen"), signal_id, Keys.ENTER)
    if "/werkruimte/dossiers/" not in driver.current_url:
        raise SystemExit(f"making a dossier did not work: {driver.current_url}")
    results.append(check(driver, "a dossier /werkruimte/dossiers/{id}"))
    dossier_page = driver.current_url.split("?")[0]
    for state, extra in [("klaar_voor_beleid", {}), ("voorgelegd", {"aan": "Vlaams minister van Energie"})]:
        driver.get(dossier_page)
        driver.find_element(By.CSS_SELECTOR, f"#toestand option[value='{state}']").click()
        for field, value in extra.items():
            driver.find_element(By.ID, field).send_keys(value)
        submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/stap'] button"), Keys.ENTER)
    driver.get(base + "/dossiers/" + dossier_page.rsplit("/", 1)[-1])
    if "Budgetmeters sluiten af in de winter" not in driver.page_source:
        raise SystemExit("the presented dossier has no public page")
    results.append(check(driver, "a presented dossier /dossiers/{id}"))

    drafted = subprocess.run(
        [binary, "brief", "--region", "oost-vlaanderen", "--period", "2026-11", "--format", "json"],
        env=environment, cwd=work, capture_output=True, text=True, timeout=300)
    if drafted.returncode != 0:
        raise SystemExit("signaal brief (draft) failed: " + drafted.stderr[-2000:])
    driver.get(base + "/werkruimte/brieven")
    results.append(check(driver, "the drafts /werkruimte/brieven"))
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main a[href^='/werkruimte/brieven/']"), Keys.ENTER)
    results.append(check(driver, "a draft /werkruimte/brieven/{id}"))
    draft_page = driver.current_url
    driver.get(draft_page + "/voorbeeld")
    results.append(check(driver, "a draft's preview"))
    driver.get(draft_page)
    driver.find_element(By.ID, "inleiding").send_keys("Deze maand vooral energie.")
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='dossiers']"):
        box.click()
    submit(driver, driver.find_element(By.CSS_SELECTOR, "button[formaction$='/publiceren']"), Keys.ENTER)
    if "/briefs/" not in driver.current_url or "Deze maand vooral energie." not in driver.page_source:
        raise SystemExit(f"publishing the reviewed brief did not work: {driver.current_url}")
    results.append(check(driver, "the published, reviewed brief"))


def workspace(driver, base, binary, environment, work, tracking, results):
    """A coordinator's day in the workspace, and the accounts page of an admin."""
    coordinator = staff_link(binary, environment, work, [
        "--email", "coordinator@signaal.test", "--name", "Test Coördinator", "--role", "coordinator", "--platform", "oost-vlaanderen"])
    set_password_and_sign_in(driver, coordinator, "coordinator@signaal.test", results, "coordinator")
    if not driver.current_url.endswith("/werkruimte/signalen"):
        raise SystemExit(f"signing in did not lead to the queue: {driver.current_url}")
    results.append(check(driver, "the triage queue /werkruimte/signalen"))
    driver.get(base + "/werkruimte/signalen?status=received&zoek=verwarming")
    results.append(check(driver, "the queue, filtered and searched"))
    submit(driver, driver.find_element(By.CSS_SELECTOR, "table.signals a[href^='/werkruimte/signalen/']"), Keys.ENTER)
    results.append(check(driver, "a signal's page /werkruimte/signalen/{id}"))
    signal_page = driver.current_url
    # A rejection without a reason comes back with the message beside the field.
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/afwijzen'] button"), Keys.ENTER)
    results.append(check(driver, "a signal's page with a message beside a field"))
    driver.get(signal_page)
    submit(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/valideren'] button"), Keys.ENTER)
    if "gedaan=valideren" not in driver.current_url or "Gevalideerd" not in driver.page_source:
        raise SystemExit(f"validating did not work: {driver.current_url}")
    results.append(check(driver, "a signal's page after validating it"))
    driver.get(tracking)
    if "Gevalideerd" not in driver.page_source or "Test Coördinator" in driver.page_source:
        raise SystemExit("the tracking page does not show the validation, or shows who did it")
    results.append(check(driver, "the tracking page after triage"))
    dossier_and_brief(driver, base, binary, environment, work, signal_page.rsplit("/", 1)[-1], results)
    for path, name in [("/werkruimte/import", "the workspace import /werkruimte/import"), ("/werkruimte/afmelden", "signing out /werkruimte/afmelden")]:
        driver.get(base + path)
        results.append(check(driver, name))
    submit(driver, driver.find_element(By.CSS_SELECTOR, "main form[action='/werkruimte/afmelden'] button"), Keys.ENTER)
    submit(driver, driver.find_element(By.ID, "email"), "coordinator@signaal.test", Keys.TAB, "niet het wachtwoord", Keys.ENTER)
    results.append(check(driver, "the sign-in page with its message"))

    admin = staff_link(binary, environment, work, ["--email", "admin@signaal.test", "--name", "Test Beheerder", "--role", "admin"])
    set_password_and_sign_in(driver, admin, "admin@signaal.test", results, "admin")
    if not driver.current_url.endswith("/werkruimte/medewerkers"):
        raise SystemExit(f"an admin did not land on the accounts page: {driver.current_url}")
    results.append(check(driver, "the accounts page /werkruimte/medewerkers"))
    submit(driver, driver.find_element(By.ID, "email"), "nieuw@signaal.test", Keys.TAB, "Nieuwe Collega", Keys.ENTER)
    results.append(check(driver, "the accounts page with messages beside the fields"))


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="sgl-axe-", dir="/tmp")
    os.chmod(work, 0o755)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SIGNAAL_DATA_DIR": work, "SIGNAAL_PORT": str(port),
        "SIGNAAL_RATE_LIMIT": "0", "SIGNAAL_NOW": FIXED_NOW, "LOG_LEVEL": "warning", "SIGNAAL_PUBLIC_URL": base,
    }
    log = open(os.path.join(work, "serve.log"), "w")
    daemon = subprocess.Popen([binary, "serve"], env=environment, stdout=log, stderr=log, cwd=work)
    passed, failed = 0, 0
    driver = None
    try:
        wait_until_ready(base, daemon)
        driver = browser()

        # The form, empty and with messages beside the fields.
        driver.get(base + "/")
        results = [check(driver, "the form /")]
        # A postcode outside Flanders and Brussels passes the browser's checks and comes back with a message.
        driver.find_element(By.ID, "description").send_keys("Budgetmeters sluiten af in de winter.")
        driver.find_element(By.ID, "postcode").send_keys("4000")
        driver.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit], form[method=post] input[type=submit]").click()
        results.append(check(driver, "the form with its error messages"))

        # A signal sent as a practitioner would: the receipt, then the tracking page.
        driver.get(base + "/")
        driver.find_element(By.ID, "description").send_keys(
            "Budgetmeters sluiten af in de winter; gezinnen zitten dagen zonder verwarming.")
        driver.find_element(By.ID, "postcode").send_keys("9000")
        driver.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit], form[method=post] input[type=submit]").click()
        results.append(check(driver, "the receipt"))
        tracking = driver.find_element(By.CSS_SELECTOR, ".receipt a").get_attribute("href")
        driver.get(tracking)
        results.append(check(driver, "the tracking page /volg/…"))

        # A published brief, from the real command beside the running daemon.
        brief = subprocess.run(
            [binary, "brief", "--region", "vlaanderen", "--period", "2026-10", "--format", "json", "--publish"],
            env=environment, cwd=work, capture_output=True, text=True, timeout=300)
        if brief.returncode != 0:
            raise SystemExit("signaal brief failed: " + brief.stderr[-2000:])
        with urllib.request.urlopen(base + "/briefs?region=vlaanderen", timeout=10) as response:
            listing = response.read().decode()
        brief_id = re.search(r'href="/briefs/(\d+)"', listing).group(1)

        for path, name in [
            ("/briefs", "the briefs /briefs"),
            (f"/briefs/{brief_id}", "a brief /briefs/{id}"),
            ("/import", "the upload page /import"),
            ("/problems/validatie", "an explanation /problems/…"),
            ("/over/algoritmes", "the algorithm register /over/algoritmes"),
            ("/bestaat-niet", "the page for an unknown address"),
        ]:
            driver.get(base + path)
            results.append(check(driver, name))

        workspace(driver, base, binary, environment, work, tracking, results)
        passed = sum(results)
        failed = len(results) - passed
    finally:
        if driver is not None:
            driver.quit()
        daemon.terminate()
        try:
            daemon.wait(timeout=60)
        except subprocess.TimeoutExpired:
            daemon.kill()
        log.close()
        if failed == 0 and daemon.returncode in (0, -15):
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"logs kept in {work}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
