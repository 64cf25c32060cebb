-- wrk: POST the form in WRK_BODY (application/x-www-form-urlencoded) to the token endpoint.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = os.getenv("WRK_BODY")
