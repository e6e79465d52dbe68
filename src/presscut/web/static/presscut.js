// presscut web workspace: progress of ingest jobs and the PNG download of the timeline.
// Loaded as a file (the Content-Security-Policy allows no inline script); no dependencies.
"use strict";

function pollJob(section) {
  const url = section.dataset.statusUrl;
  const bar = document.getElementById("job-progress");
  const state = document.getElementById("job-state");
  const message = document.getElementById("job-message");
  const error = document.getElementById("job-error");
  const next = document.getElementById("job-next");
  const tick = async () => {
    let job;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      job = await response.json();
      if (!response.ok) { throw new Error(job.error || response.statusText); }
    } catch (e) {
      error.textContent = String(e.message || e);
      return;
    }
    bar.max = Math.max(1, job.total);
    bar.value = job.done;
    state.textContent = job.state;
    message.textContent = job.message;
    error.textContent = job.error || "";
    section.dataset.state = job.state;
    if (job.finished) {
      next.hidden = false;
    } else {
      setTimeout(tick, 500);
    }
  };
  if (section.dataset.state !== "done" && section.dataset.state !== "failed") { tick(); }
}

function downloadPng(link) {
  const svg = document.querySelector("#chart svg");
  if (!svg) { return; }
  const width = svg.viewBox.baseVal.width || svg.clientWidth;
  const height = svg.viewBox.baseVal.height || svg.clientHeight;
  const source = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml" }));
  const image = new Image();
  image.onload = () => {
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = link.dataset.name || "timeline.png";
      document.body.appendChild(a);
      a.click();
      a.remove();
    }, "image/png");
  };
  image.src = url;
}

// Uploads go through XMLHttpRequest so the bytes sent can be shown; the server then
// redirects to the job's page, as it does for the plain form post used without JavaScript.
function uploadWithProgress(form) {
  const files = form.querySelector("input[type=file]");
  if (!files) { return; }
  form.addEventListener("submit", (event) => {
    if (files.files.length === 0) { return; }
    event.preventDefault();
    const bar = document.getElementById("upload-progress");
    const status = document.getElementById("upload-status");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) { return; }
      bar.hidden = false;
      bar.max = e.total;
      bar.value = e.loaded;
      status.textContent = `uploading: ${Math.round(e.loaded / 1024)} of ${Math.round(e.total / 1024)} KB`;
    });
    xhr.addEventListener("load", () => {
      if (xhr.status < 400 && xhr.responseURL.includes("/jobs/")) {
        window.location.assign(xhr.responseURL);
        return;
      }
      const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
      const message = page.getElementById("error-message");
      status.textContent = message ? message.textContent : `upload failed (${xhr.status})`;
      status.className = "error";
    });
    xhr.addEventListener("error", () => { status.textContent = "upload failed: no answer from the server"; });
    xhr.send(new FormData(form));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const ingest = document.querySelector("form.ingest");
  if (ingest) { uploadWithProgress(ingest); }
  const job = document.getElementById("job");
  if (job) { pollJob(job); }
  const png = document.getElementById("png-download");
  if (png) {
    png.addEventListener("click", (event) => { event.preventDefault(); downloadPng(png); });
  }
});
